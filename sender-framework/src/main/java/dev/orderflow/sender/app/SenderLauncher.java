package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.service.ServiceLauncher;
import dev.orderflow.sender.api.Platform;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole {@code main} of a sender: {@code SenderLauncher.run(args, "whatsapp", config -> new
 * WhatsAppPlatform())}; a platform with settings of its own reads them from the config it is
 * handed. Config comes from {@code <platform>-sender.properties} on the classpath, {@code --config
 * <file>} and the environment; ops (metrics, health) listen on 8183 for WhatsApp and 8184 for
 * Instagram unless {@code ops.port} says otherwise.
 */
public final class SenderLauncher {
  static final Map<String, Integer> OPS_PORTS = Map.of("whatsapp", 8183, "instagram", 8184);
  private static final int OTHER_PLATFORM_OPS_PORT = 8189;

  private SenderLauncher() {}

  /**
   * @param platformName the platform's {@link Platform#name()}: it names the config file and the
   *     ops port before there is config to build the platform from
   * @param platforms builds the platform from the sender's loaded config; a {@code ConfigException}
   *     it throws is a bad config like any other (one line, exit 2)
   */
  public static void run(
      String[] args, String platformName, Function<ConfigSource, Platform> platforms) {
    // The AWS SDK's URL-connection client keeps only 5 idle connections per host by default; with
    // hundreds of sends in flight every ledger write would otherwise open a new connection.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", "500");
    }
    dev.orderflow.schema.ContractClasses.trustForAvro();
    String name = platformName + "-sender";
    int port = OPS_PORTS.getOrDefault(platformName, OTHER_PLATFORM_OPS_PORT);
    ServiceLauncher.run(
        name,
        port,
        args,
        context -> {
          Platform platform = platforms.apply(context.config());
          if (!platform.name().equals(platformName)) {
            throw new IllegalStateException(
                "launched as " + platformName + " but the platform is " + platform.name());
          }
          return new SenderApp(context, platform, NotificationDecoder.from(context.config()));
        });
  }
}
