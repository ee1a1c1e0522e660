package dev.orderflow.devservers.meta;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the Meta Graph API simulator standalone, or starts one embedded with {@link #start}. */
@Command(
    name = "meta-graph-simulator",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Simulates Meta's WhatsApp and Instagram send APIs on 127.0.0.1, and their webhooks.")
public final class MetaGraphSimulator implements Callable<Integer> {

  private static final Logger LOGGER = LoggerFactory.getLogger(MetaGraphSimulator.class);

  @Option(names = "--port", defaultValue = "8090", description = "Port on 127.0.0.1.")
  int port;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Latency of every call.")
  long latencyMs;

  @Option(names = "--jitter-ms", defaultValue = "0", description = "Extra random latency, 0..N.")
  long jitterMs;

  @Option(names = "--whatsapp-mps", defaultValue = "80", description = "Messages/s per number.")
  int whatsappMps;

  @Option(names = "--instagram-rps", defaultValue = "300", description = "Calls/s per account.")
  int instagramRps;

  @Option(
      names = "--pair-interval-ms",
      defaultValue = "6000",
      description = "Min. time between messages to one WhatsApp recipient; 0 disables.")
  long pairIntervalMs;

  @Option(
      names = "--whatsapp-token",
      defaultValue =
          "${env:META_SIM_WHATSAPP_TOKEN:-" + SimulatorSettings.DEFAULT_WHATSAPP_TOKEN + "}")
  String whatsappToken;

  @Option(
      names = "--whatsapp-phone-number-id",
      split = ",",
      defaultValue = SimulatorSettings.DEFAULT_PHONE_NUMBER_ID,
      description = "WhatsApp phone-number id(s).")
  List<String> phoneNumberIds;

  @Option(
      names = "--instagram-token",
      defaultValue =
          "${env:META_SIM_INSTAGRAM_TOKEN:-" + SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN + "}",
      description = "The one valid Instagram token (env META_SIM_INSTAGRAM_TOKEN).")
  String instagramToken;

  @Option(
      names = "--instagram-account-id",
      split = ",",
      defaultValue =
          SimulatorSettings.DEFAULT_INSTAGRAM_ID + "," + SimulatorSettings.DEFAULT_PAGE_ID,
      description = "Instagram account id(s) and page id(s); the first is what /me resolves to.")
  List<String> instagramIds;

  @Option(
      names = "--webhook-url",
      defaultValue = "${env:META_SIM_WEBHOOK_URL}",
      description =
          "Where to POST signed status and inbound webhooks (env META_SIM_WEBHOOK_URL); none when"
              + " absent, settable later through /_sim/webhooks.")
  String webhookUrl;

  @Option(
      names = "--app-secret",
      defaultValue = "${env:META_SIM_APP_SECRET:-" + WebhookSettings.DEFAULT_APP_SECRET + "}",
      description = "The app secret webhooks are signed with (env META_SIM_APP_SECRET).")
  String appSecret;

  @Option(
      names = "--webhook-verify-token",
      defaultValue =
          "${env:META_SIM_WEBHOOK_VERIFY_TOKEN:-" + WebhookSettings.DEFAULT_VERIFY_TOKEN + "}",
      description = "What the subscription handshake presents (env META_SIM_WEBHOOK_VERIFY_TOKEN).")
  String webhookVerifyToken;

  public static void main(String[] args) {
    int exitCode = commandLine(new MetaGraphSimulator()).execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  static CommandLine commandLine(MetaGraphSimulator command) {
    CommandLine commandLine = new CommandLine(command);
    // One clear line instead of a stack trace for bad settings or a taken port.
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("meta-graph-simulator: " + e.getMessage());
          return 1;
        });
    return commandLine;
  }

  /** Starts a simulator; close the returned handle to stop it. */
  public static RunningSimulator start(SimulatorConfig config) throws IOException {
    return SimulatorServer.start(config, Clock.systemUTC());
  }

  @Override
  public Integer call() throws IOException {
    RunningSimulator simulator = start(config());
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    LOGGER.info("Meta Graph API simulator listening on {}", simulator.baseUri());
    return 0; // the HTTP server's own thread keeps the process alive
  }

  SimulatorConfig config() {
    SimulatorSettings defaults = SimulatorSettings.defaults();
    PlatformSettings whatsapp =
        defaults.whatsapp().withToken(whatsappToken).withAccountIds(phoneNumberIds);
    PlatformSettings instagram =
        defaults.instagram().withToken(instagramToken).withAccountIds(instagramIds);
    return new SimulatorConfig(
        port,
        new SimulatorSettings(
            whatsapp.withLatency(latencyMs, jitterMs).withRatePerSecond(whatsappMps),
            instagram.withLatency(latencyMs, jitterMs).withRatePerSecond(instagramRps),
            pairIntervalMs),
        WebhookSettings.defaults()
            .withUrl(webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl)
            .withSecrets(appSecret, webhookVerifyToken));
  }
}
