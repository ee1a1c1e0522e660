package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.devservers.meta.AsyncFailure;
import dev.orderflow.devservers.meta.DeliveredMessage;
import dev.orderflow.devservers.meta.FaultRule;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.devservers.meta.WebhookSettings;
import dev.orderflow.schema.ContractClasses;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.NotificationDecoder;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.sender.fakes.StackChannel;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.webhooks.MetaWebhooksMain;
import dev.orderflow.webhooks.MetaWebhooksService;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Status webhooks end to end, over real HTTP: the embedded Meta simulator calls meta-webhooks (its
 * real service, in this JVM) with signed statuses, meta-webhooks writes them to a status topic of
 * this class, and the real WhatsApp sender ({@link SenderApp} for platform {@code whatsapp})
 * applies them to its ledger on dynalite.
 */
@RealStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusWebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String APP_SECRET = "it-status-app-secret";
  private static final String VERIFY_TOKEN = "it-status-verify-token";
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  // The first tier must outlast the simulator's hold (below) plus the status's trip to the ledger.
  private static final String DELAYS = "9s,13s";
  private static final Duration HOLD = Duration.ofSeconds(4);

  private TestStack stack;
  private String mainTopic;
  private String table;
  private MetaWebhooksService webhooks;
  private Metrics webhookMetrics;
  private RunningSimulator simulator;
  private MetaSimulatorClient meta;
  private Metrics senderMetrics;
  private SenderApp sender;
  private KafkaConsumer<byte[], byte[]> deadLetters;
  private final List<ConsumerRecord<byte[], byte[]>> lettersSeen = new ArrayList<>();

  @BeforeAll
  void start(TestStack testStack) throws Exception {
    stack = testStack;
    ContractClasses.trustForAvro();
    mainTopic = stack.uniqueTopic("notify.whatsapp");
    String statusTopic = stack.uniqueTopic("notify.status");
    String inboundTopic = stack.uniqueTopic("buyer.inbound");
    String unparsedTopic = stack.uniqueTopic("meta-webhooks.unparsed");
    stack.createTopics(2, mainTopic);
    stack.createTopics(1, statusTopic, inboundTopic, unparsedTopic);
    // Named by the platform, so shared with other tests: created when absent, read by key.
    String dlq = TopicNames.deadLetterTopic("whatsapp");
    List<String> tiers =
        List.of(TopicNames.retryTopic("whatsapp", "9s"), TopicNames.retryTopic("whatsapp", "13s"));
    createIfAbsent(dlq, tiers.get(0), tiers.get(1));
    deadLetters = fromTheEnd(dlq);
    // A new group starts at the earliest offset: without this, the sender would also send what
    // earlier runs left in the shared tiers (to other ledgers and simulators).
    String groupId = stack.uniqueName("whatsapp-sender");
    commitTheEnd(groupId, tiers);
    table = stack.uniqueTable("ledger");
    stack.createTable(table, "notificationId");
    String secretName = stack.uniqueName("it/meta-credentials");
    try (var secrets = new AwsClients(AwsConfig.from(awsConfig())).secretsManager()) {
      secrets.createSecret(
          r ->
              r.name(secretName)
                  .secretString(StackChannel.whatsAppSecret(APP_SECRET, VERIFY_TOKEN)));
    }

    webhooks = startWebhooks(secretName, statusTopic, inboundTopic, unparsedTopic);
    simulator =
        MetaGraphSimulator.start(
            SimulatorConfig.ephemeral()
                .withSettings(SimulatorSettings.defaults().withPairIntervalMs(0))
                .withWebhooks(
                    WebhookSettings.defaults()
                        .withUrl(webhooks.endpoint() + "/webhooks/meta")
                        .withSecrets(APP_SECRET, VERIFY_TOKEN)
                        .withDelays(0, 300, 600L)));
    meta = simulator.client();

    Map<String, String> keys = new HashMap<>(stackKeys());
    keys.put("sender.main-topic", mainTopic);
    keys.put("sender.group-id", groupId);
    keys.put("ledger.table", table);
    keys.put("ledger.lease", "5s");
    keys.put("status.topic", statusTopic);
    keys.put("retry.delays", DELAYS);
    keys.put("meta.call-timeout", CALL_TIMEOUT.toSeconds() + "s");
    keys.put("credentials.secret-name", secretName);
    keys.put("meta.graph.url", simulator.baseUri().toString());
    ConfigSource config = ConfigSource.of(keys, Map.of());
    senderMetrics = Metrics.create("whatsapp-sender", "it-1");
    sender =
        new SenderApp(
            new ServiceContext(
                "whatsapp-sender",
                "it-1",
                config,
                senderMetrics,
                new HealthChecks(),
                new HealthChecks()),
            new WhatsAppPlatform(),
            NotificationDecoder.from(config));
    sender.start();
  }

  @AfterAll
  void stop() {
    if (sender != null) {
      sender.stop();
    }
    if (simulator != null) {
      simulator.close();
    }
    if (webhooks != null) {
      webhooks.stop();
    }
    for (AutoCloseable closeable : new AutoCloseable[] {senderMetrics, webhookMetrics}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // closing a meter registry: nothing to assert
      }
    }
    if (deadLetters != null) {
      deadLetters.close();
    }
  }

  @Test
  void aDeliveredNotificationsLedgerEntryReachesRead() throws Exception {
    // Given a notification for a buyer the simulator delivers to
    String id = "it-read-" + random() + ":whatsapp";
    String recipient = phone();

    // When the sender sends it and the simulator reports sent, delivered, read by webhook
    publish(notification(id, recipient));

    // Then the ledger entry says READ, for the message the simulator accepted
    await().atMost(WAIT).until(() -> "READ".equals(text(id, "deliveryStatus")));
    DeliveredMessage message = onlyMessageTo(recipient);
    assertThat(message.bizOpaqueCallbackData()).isEqualTo(id);
    assertThat(text(id, "state")).isEqualTo("SENT");
    assertThat(text(id, "platformMessageId")).isEqualTo(message.id());
  }

  @Test
  void anAsyncUndeliverableBecomesADeadLetterWithMetasCodeAndTheWamid() throws Exception {
    // Given a recipient Meta accepts a message for, then reports undeliverable (131026)
    String id = "it-failed-" + random() + ":whatsapp";
    String recipient = phone();
    meta.addAsyncFailures(AsyncFailure.undeliverable(recipient).times(1));
    NotificationRequested notification = notification(id, recipient);

    // When the sender sends it
    byte[] sent = publish(notification);

    // Then the record that was sent is dead-lettered with Meta's code and the wamid
    ConsumerRecord<byte[], byte[]> letter = deadLetterFor(notification.getBuyerId());
    DeliveredMessage message = onlyMessageTo(recipient);
    assertThat(letter.value()).isEqualTo(sent);
    assertThat(header(letter, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131026");
    assertThat(header(letter, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
    assertThat(header(letter, HeaderNames.DLQ_PLATFORM_MESSAGE_ID)).isEqualTo(message.id());
    assertThat(header(letter, HeaderNames.DLQ_ORIGINAL_TOPIC)).isEqualTo(mainTopic);
    assertThat(text(id, "state")).isEqualTo("FAILED");
  }

  @Test
  void aSendAnsweredAfterTheCallTimeoutReachesTheBuyerOnceConfirmedByItsStatus() throws Exception {
    // Given Meta takes the message but answers after the sender's call timeout
    String id = "it-late-" + random() + ":whatsapp";
    String recipient = phone();
    meta.addFaults(FaultRule.timeout(Platform.WHATSAPP, HOLD).forRecipient(recipient).times(1));
    double skipsBefore = count("sender.ledger.hits");

    // When the sender sends it
    publish(notification(id, recipient));

    // Then the status webhook naming it makes the ledger SENT with the simulator's wamid
    await().atMost(WAIT).until(() -> "SENT".equals(text(id, "state")));
    DeliveredMessage message = onlyMessageTo(recipient);
    assertThat(text(id, "platformMessageId")).isEqualTo(message.id());
    assertThat(count("sender.possibly-sent")).isPositive();
    // And the first tier, due after the status, skips it: the buyer got it once
    await().atMost(WAIT).until(() -> count("sender.ledger.hits") > skipsBefore);
    assertThat(meta.messages(Platform.WHATSAPP, recipient.substring(1))).hasSize(1);
    assertThat(count("sender.possibly-sent.resends")).isZero();
    assertThat(
            senderMetrics
                .registry()
                .find("sender.statuses")
                .tag("result", "confirmed-sent")
                .counters())
        .isNotEmpty();
  }

  private MetaWebhooksService startWebhooks(
      String secretName, String statusTopic, String inboundTopic, String unparsedTopic)
      throws Exception {
    Map<String, String> env = stack.serviceEnvironment();
    env.put("CREDENTIALS_SECRET_NAME", secretName);
    env.put("TOPICS_NOTIFY_STATUS", statusTopic);
    env.put("TOPICS_BUYER_INBOUND", inboundTopic);
    env.put("TOPICS_WEBHOOKS_UNPARSED", unparsedTopic);
    env.put("WEBHOOKS_HTTP_PORT", "0");
    webhookMetrics = Metrics.create(MetaWebhooksMain.SERVICE_NAME, "it");
    return MetaWebhooksService.startInThisJvm(
        "it", env, webhookMetrics, new HealthChecks(), new HealthChecks());
  }

  private Map<String, String> stackKeys() {
    return Map.of(
        "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
        "schema.registry.url", stack.registryUrl().toString(),
        "aws.region", stack.awsRegion(),
        "aws.endpoint.url", stack.dynamoDbEndpoint().toString(),
        "aws.endpoint.url.secrets.manager", stack.secretsEndpoint().toString());
  }

  private ConfigSource awsConfig() {
    return ConfigSource.of(stackKeys(), Map.of());
  }

  private void createIfAbsent(String... names) throws Exception {
    for (String name : names) {
      try {
        stack
            .admin()
            .createTopics(List.of(new NewTopic(name, 2, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  /** Commits {@code topics}' end offsets for {@code groupId}: it reads only what comes later. */
  private void commitTheEnd(String groupId, List<String> topics) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(stack.consumerProperties(groupId))) {
      List<TopicPartition> partitions =
          topics.stream()
              .flatMap(t -> consumer.partitionsFor(t).stream())
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
      consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p, new OffsetAndMetadata(end)));
      consumer.commitSync(ends);
    }
  }

  /** A reader of a shared topic positioned at its end offsets now: only what comes later. */
  private KafkaConsumer<byte[], byte[]> fromTheEnd(String topic) {
    KafkaConsumer<byte[], byte[]> consumer = stack.consumer(stack.uniqueName("dlq-reader"));
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.endOffsets(partitions).forEach(consumer::seek);
    return consumer;
  }

  private ConsumerRecord<byte[], byte[]> deadLetterFor(String key) {
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(
            () -> {
              deadLetters.poll(Duration.ofMillis(200)).forEach(lettersSeen::add);
              return lettersSeen.stream().anyMatch(r -> key.equals(text(r.key())));
            });
    List<ConsumerRecord<byte[], byte[]>> mine =
        lettersSeen.stream().filter(r -> key.equals(text(r.key()))).toList();
    assertThat(mine).hasSize(1);
    return mine.getFirst();
  }

  private DeliveredMessage onlyMessageTo(String recipient) {
    List<DeliveredMessage> messages = meta.messages(Platform.WHATSAPP, recipient.substring(1));
    assertThat(messages).hasSize(1);
    return messages.getFirst();
  }

  private byte[] publish(NotificationRequested notification) throws Exception {
    try (var serializer =
            new AvroSerializer<NotificationRequested>(
                AvroSerdeConfig.localStack(stack.registryUrl().toString()));
        KafkaProducer<byte[], byte[]> producer = stack.producer()) {
      byte[] value = serializer.serialize(mainTopic, notification);
      producer
          .send(
              new ProducerRecord<>(
                  mainTopic, notification.getBuyerId().getBytes(StandardCharsets.UTF_8), value))
          .get();
      return value;
    }
  }

  private static NotificationRequested notification(String id, String recipient) {
    return Notifications.notification()
        .setNotificationId(id)
        .setBuyerId("buyer-" + id)
        .setRecipient(recipient)
        .build();
  }

  private String text(String notificationId, String attribute) {
    AttributeValue value =
        stack
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName(table)
                        .consistentRead(true)
                        .key(Map.of("notificationId", AttributeValue.fromS(notificationId))))
            .item()
            .get(attribute);
    return value == null ? null : value.s();
  }

  private double count(String name) {
    return senderMetrics.registry().find(name).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : text(header.value());
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String phone() {
    return "+23481" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private static long random() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
  }
}
