package dev.orderflow.sender.app;

import dev.orderflow.common.service.ServiceLauncher;
import dev.orderflow.sender.api.Platform;
import java.util.Map;

/**
 * The whole {@code main} of a sender: {@code SenderLauncher.run(args, new WhatsAppPlatform())}.
 * Config comes from {@code <platform>-sender.properties} on the classpath, {@code --config <file>}
 * and the environment; ops (metrics, health) listen on 8183 for WhatsApp and 8184 for Instagram
 * unless {@code ops.port} says otherwise.
 */
public final class SenderLauncher {
  static final Map<String, Integer> OPS_PORTS = Map.of("whatsapp", 8183, "instagram", 8184);
  private static final int OTHER_PLATFORM_OPS_PORT = 8189;

  private SenderLauncher() {}

  public static void run(String[] args, Platform platform) {
    // The AWS SDK's URL-connection client keeps only 5 idle connections per host by default; with
    // hundreds of sends in flight every ledger write would otherwise open a new connection.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "500");
    }
    dev.orderflow.schema.ContractClasses.trustForAvro();
    String name = platform.name() + "-sender";
    int port = OPS_PORTS.getOrDefault(platform.name(), OTHER_PLATFORM_OPS_PORT);
    ServiceLauncher.run(
        name,
        port,
        args,
        context -> new SenderApp(context, platform, NotificationDecoder.from(context.config())));
  }
}
