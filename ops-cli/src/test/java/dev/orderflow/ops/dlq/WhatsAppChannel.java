package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.app.NotificationDecoder;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.sender.fakes.RenamedPlatform;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.whatsapp.WhatsAppPlatform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A real WhatsApp sender's channel on the shared stack, all of it one test's own: the production
 * platform under a unique name (so its main, retry and dead-letter topics are unique), a ledger
 * table, a secret, and the dlq tool's audit and progress topics.
 */
record WhatsAppChannel(
    Platform platform,
    String mainTopic,
    String deadLetters,
    String audit,
    String progress,
    String ledger) {

  /** The Meta app secret and webhook verify token in the channel's secret. */
  static final String APP_SECRET = "it-channel-app-secret";

  static final String VERIFY_TOKEN = "it-channel-verify-token";

  static WhatsAppChannel create(TestStack stack) throws Exception {
    String name = "fix" + letters(10);
    WhatsAppChannel channel =
        new WhatsAppChannel(
            new RenamedPlatform(name, new WhatsAppPlatform()),
            TopicNames.platformTopic(name),
            TopicNames.deadLetterTopic(name),
            stack.uniqueTopic("ops.dlq-replay-audit.v1"),
            stack.uniqueTopic("ops.dlq-replay-progress.v1"),
            ReplayFixture.Shared.create(stack).ledger());
    stack.createTopics(
        1,
        channel.mainTopic,
        TopicNames.retryTopic(name, "1s"),
        TopicNames.retryTopic(name, "2s"),
        channel.deadLetters);
    return channel;
  }

  /** Starts the sender as production wires it (SenderApp over a ServiceContext). */
  SenderApp startSender(TestStack stack, RunningSimulator simulator, Metrics metrics) {
    return startSender(stack, simulator, metrics, Map.of());
  }

  /**
   * The secret's name: it holds the WhatsApp credentials, {@link #APP_SECRET} and {@link
   * #VERIFY_TOKEN}.
   */
  String secretName() {
    return "it/" + platform.name();
  }

  /** As above, with more sender config keys (a status topic, say). */
  SenderApp startSender(
      TestStack stack, RunningSimulator simulator, Metrics metrics, Map<String, String> more) {
    String secretName = secretName();
    Map<String, String> keys =
        new HashMap<>(
            Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "schema.registry.url", stack.registryUrl().toString(),
                "aws.region", stack.awsRegion(),
                "aws.endpoint.url", stack.dynamoDbEndpoint().toString(),
                "aws.endpoint.url.secrets.manager", stack.secretsEndpoint().toString(),
                "ledger.table", ledger,
                "credentials.secret-name", secretName,
                "retry.delays", "1s,2s",
                "meta.graph.url", simulator.baseUri().toString()));
    keys.putAll(more);
    ConfigSource config = ConfigSource.of(keys, Map.of());
    try (var secrets = new AwsClients(AwsConfig.from(config)).secretsManager()) {
      secrets.createSecret(
          r ->
              r.name(secretName)
                  .secretString(
                      """
                      {"whatsappToken":"%s","whatsappPhoneNumberId":"%s",
                       "metaAppSecret":"%s","webhookVerifyToken":"%s"}
                      """
                          .formatted(
                              SimulatorSettings.DEFAULT_WHATSAPP_TOKEN,
                              SimulatorSettings.DEFAULT_PHONE_NUMBER_ID,
                              APP_SECRET,
                              VERIFY_TOKEN)));
    }
    var context =
        new ServiceContext(
            platform.name() + "-sender",
            "it-1",
            config,
            metrics,
            new HealthChecks(),
            new HealthChecks());
    SenderApp app = new SenderApp(context, platform, NotificationDecoder.from(config));
    app.start();
    return app;
  }

  /** Publishes as the router does: Confluent wire format, keyed by buyer. */
  void publish(TestStack stack, List<NotificationRequested> notifications) throws Exception {
    try (var serializer =
            new AvroSerializer<NotificationRequested>(
                AvroSerdeConfig.localStack(stack.registryUrl().toString()));
        KafkaProducer<byte[], byte[]> producer = stack.producer()) {
      for (NotificationRequested n : notifications) {
        byte[] value = serializer.serialize(mainTopic, n);
        producer.send(new ProducerRecord<>(mainTopic, n.getBuyerId().getBytes(UTF_8), value)).get();
      }
    }
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
        ledger);
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
            mainTopic,
            "--operator",
            "ada"));
    return new Cli(flags)
        .run("replay", "--topic", deadLetters, "--reason", "numbers re-registered");
  }

  /** Platform names are letters only: they become topic names and a consumer group. */
  private static String letters(int count) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < count; i++) {
      name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return name.toString();
  }
}
