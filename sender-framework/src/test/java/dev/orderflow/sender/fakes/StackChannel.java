package dev.orderflow.sender.fakes;

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
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.app.NotificationDecoder;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.testsupport.TestStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A real sender's channel on the shared stack, all of it one test's own: a production platform
 * under a unique name (so its main, retry and dead-letter topics are unique), a ledger table and a
 * secret; and the sender started as production wires it ({@link SenderApp} over a {@link
 * ServiceContext}). The one harness the platform modules' and ops-cli's sender tests share.
 *
 * @param retryDelays the delay tiers, whose topics are created with the channel
 */
public record StackChannel(
    TestStack stack, Platform platform, String ledger, List<String> retryDelays) {

  /** Two tiers, short enough for a test to watch a retry happen. */
  public static final List<String> SHORT_DELAYS = List.of("1s", "2s");

  /**
   * A channel named {@code prefix} plus random letters, with a ledger table of its own.
   *
   * @param production the platform as it ships (WhatsAppPlatform, InstagramPlatform)
   */
  public static StackChannel create(
      TestStack stack, String prefix, Platform production, int partitions) {
    String ledger = stack.uniqueTable("ledger");
    stack.createTable(ledger, "notificationId");
    return create(stack, prefix, production, partitions, ledger);
  }

  /** The same over a ledger table that exists already (shared by several channels, say). */
  public static StackChannel create(
      TestStack stack, String prefix, Platform production, int partitions, String ledger) {
    StackChannel channel =
        new StackChannel(
            stack, new RenamedPlatform(prefix + letters(8), production), ledger, SHORT_DELAYS);
    stack.createTopics(partitions, channel.topics().toArray(String[]::new));
    return channel;
  }

  public String mainTopic() {
    return TopicNames.platformTopic(platform.name());
  }

  public String deadLetters() {
    return TopicNames.deadLetterTopic(platform.name());
  }

  public String secretName() {
    return "it/" + platform.name();
  }

  /**
   * The sender's config on this stack and channel; {@code more} adds or replaces keys (a status
   * topic, say).
   */
  public ConfigSource config(URI simulator, Map<String, String> more) {
    Map<String, String> keys = new HashMap<>(awsKeys());
    keys.putAll(
        Map.of(
            "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
            "schema.registry.url", stack.registryUrl().toString(),
            "ledger.table", ledger,
            "credentials.secret-name", secretName(),
            "retry.delays", String.join(",", retryDelays),
            "meta.graph.url", simulator.toString()));
    keys.putAll(more);
    return ConfigSource.of(keys, Map.of());
  }

  /**
   * A WhatsApp credentials secret as the local stack's simulator accepts it, with the webhook
   * fields meta-webhooks reads beside them.
   */
  public static String whatsAppSecret(String appSecret, String verifyToken) {
    return """
        {"whatsappToken":"%s","whatsappPhoneNumberId":"%s",
         "metaAppSecret":"%s","webhookVerifyToken":"%s"}
        """
        .formatted(
            SimulatorSettings.DEFAULT_WHATSAPP_TOKEN,
            SimulatorSettings.DEFAULT_PHONE_NUMBER_ID,
            appSecret,
            verifyToken);
  }

  /** Stores the channel's credentials secret: the platform's JSON, as the secret would hold it. */
  public void createSecret(String json) {
    ConfigSource aws = ConfigSource.of(awsKeys(), Map.of());
    try (var secrets = new AwsClients(AwsConfig.from(aws)).secretsManager()) {
      secrets.createSecret(r -> r.name(secretName()).secretString(json));
    }
  }

  /** Starts the sender as production wires it; the caller stops it. */
  public SenderApp start(ConfigSource config, Metrics metrics) {
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

  /**
   * Publishes to the main topic as the router does: Confluent wire format, keyed by buyer.
   *
   * @return the last notification's bytes, to compare with what a dead-letter topic holds
   */
  public byte[] publish(NotificationRequested... notifications) throws Exception {
    byte[] last = null;
    try (var serializer =
            new AvroSerializer<NotificationRequested>(
                AvroSerdeConfig.localStack(stack.registryUrl().toString()));
        KafkaProducer<byte[], byte[]> producer = stack.producer()) {
      for (NotificationRequested n : notifications) {
        last = serializer.serialize(mainTopic(), n);
        producer
            .send(new ProducerRecord<>(mainTopic(), n.getBuyerId().getBytes(UTF_8), last))
            .get();
      }
    }
    return last;
  }

  /** A header's value as text, or null when the record has none. */
  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  /** Where the stack's DynamoDB and Secrets Manager are, as the services' config names them. */
  private Map<String, String> awsKeys() {
    return Map.of(
        "aws.region", stack.awsRegion(),
        "aws.endpoint.url", stack.dynamoDbEndpoint().toString(),
        "aws.endpoint.url.secrets.manager", stack.secretsEndpoint().toString());
  }

  private List<String> topics() {
    List<String> topics = new ArrayList<>();
    topics.add(mainTopic());
    retryDelays.forEach(delay -> topics.add(TopicNames.retryTopic(platform.name(), delay)));
    topics.add(deadLetters());
    return topics;
  }

  /** Platform names are letters only: they become topic names and a consumer group. */
  public static String letters(int count) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < count; i++) {
      name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return name.toString();
  }
}
