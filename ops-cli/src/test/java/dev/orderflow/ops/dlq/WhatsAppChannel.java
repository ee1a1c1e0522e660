package dev.orderflow.ops.dlq;

import dev.orderflow.common.ops.Metrics;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.sender.fakes.StackChannel;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.whatsapp.WhatsAppPlatform;
import java.util.List;
import java.util.Map;

/**
 * A real WhatsApp sender's channel on the shared stack ({@link StackChannel}: a unique platform
 * name, so unique topics, and a secret), over the replay fixture's shared ledger table, with the
 * dlq tool's audit and progress topics of its own.
 */
record WhatsAppChannel(StackChannel sender, String audit, String progress) {

  /** The Meta app secret and webhook verify token in the channel's secret. */
  static final String APP_SECRET = "it-channel-app-secret";

  static final String VERIFY_TOKEN = "it-channel-verify-token";

  static WhatsAppChannel create(TestStack stack) throws Exception {
    return new WhatsAppChannel(
        StackChannel.create(
            stack, "fix", new WhatsAppPlatform(), 1, ReplayFixture.Shared.create(stack).ledger()),
        stack.uniqueTopic("ops.dlq-replay-audit.v1"),
        stack.uniqueTopic("ops.dlq-replay-progress.v1"));
  }

  Platform platform() {
    return sender.platform();
  }

  String mainTopic() {
    return sender.mainTopic();
  }

  String deadLetters() {
    return sender.deadLetters();
  }

  String ledger() {
    return sender.ledger();
  }

  /**
   * The secret's name: it holds the WhatsApp credentials, {@link #APP_SECRET} and {@link
   * #VERIFY_TOKEN}.
   */
  String secretName() {
    return sender.secretName();
  }

  /** Starts the sender as production wires it (SenderApp over a ServiceContext). */
  SenderApp startSender(TestStack stack, RunningSimulator simulator, Metrics metrics) {
    return startSender(stack, simulator, metrics, Map.of());
  }

  /** As above, with more sender config keys (a status topic, say). */
  SenderApp startSender(
      TestStack stack, RunningSimulator simulator, Metrics metrics, Map<String, String> more) {
    sender.createSecret(StackChannel.whatsAppSecret(APP_SECRET, VERIFY_TOKEN));
    return sender.start(sender.config(simulator.baseUri(), more), metrics);
  }

  /** Publishes as the router does: Confluent wire format, keyed by buyer. */
  void publish(TestStack stack, List<NotificationRequested> notifications) throws Exception {
    sender.publish(notifications.toArray(NotificationRequested[]::new));
  }

  /** Kafka, the registry and this channel's ledger, as {@code ops} flags. */
  List<String> ledgerFlags(TestStack stack) {
    return List.of(
        "--bootstrap-servers",
        stack.kafkaBootstrapServers(),
        "--registry-url",
        stack.registryUrl().toString(),
        "--dynamodb-endpoint",
        stack.dynamoDbEndpoint().toString(),
        "--aws-region",
        stack.awsRegion(),
        "--ledger-table",
        ledger());
  }

  /** {@code ops dlq replay --topic <this channel's dlq>}, its main topic allowed as a target. */
  Cli.Run replay(TestStack stack) {
    List<String> flags = new java.util.ArrayList<>(ledgerFlags(stack));
    flags.addAll(
        List.of(
            "--audit-topic",
            audit,
            "--progress-topic",
            progress,
            "--pipeline-topic",
            mainTopic(),
            "--operator",
            "ada"));
    return new Cli(flags)
        .run("replay", "--topic", deadLetters(), "--reason", "numbers re-registered");
  }
}
