package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * One replay test's world: a sender dead-letter topic holding WhatsApp notifications that failed,
 * the pipeline topic they came from, and audit and progress topics, all unique to the test; the
 * ledger table and the registered schema are shared by a test class, and order ids carry a per-test
 * tag so tests never see each other's ledger entries.
 */
final class ReplayFixture {
  /** What a test class creates once: the slow parts (a DynamoDB table, a registry call). */
  record Shared(String ledger, int schemaId) {
    static Shared create(TestStack stack) throws Exception {
      if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
      }
      String ledger = stack.uniqueTable("notification-ledger");
      createLedger(stack, ledger);
      int schemaId =
          new AvroValues(stack.registryUrl())
              .register(
                  stack.uniqueName("notify.whatsapp.v1") + "-value",
                  NotificationRequested.getClassSchema());
      return new Shared(ledger, schemaId);
    }
  }

  final TestStack stack;
  final Shared shared;
  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String deadLetters;
  final String target;
  final String audit;
  final String progress;

  ReplayFixture(TestStack stack, Shared shared) {
    this.stack = stack;
    this.shared = shared;
    deadLetters = stack.uniqueTopic("notify.whatsapp.dlq.v1");
    target = stack.uniqueTopic("notify.whatsapp.v1");
    audit = stack.uniqueTopic("ops.dlq-replay-audit.v1");
    progress = stack.uniqueTopic("ops.dlq-replay-progress.v1");
    stack.createTopics(1, deadLetters, target);
  }

  /** Parks {@code count} notifications, orders o-1 … o-count, failed with a transient error. */
  void park(int count) throws Exception {
    var producer = stack.producer();
    for (int i = 1; i <= count; i++) {
      producer.send(notification("o-" + i).record()).get();
    }
  }

  /** Key {@code <tag>/o-1}, order id {@code <tag>:o-1}, notification {@code <tag>:o-1:whatsapp}. */
  Parked notification(String order) {
    NotificationRequested value =
        Notifications.of(tag + ":" + order, tag + "/" + order, Platform.WHATSAPP);
    return Parked.in(deadLetters)
        .key(value.getBuyerId())
        .value(Notifications.framed(shared.schemaId(), value))
        .header(HeaderNames.CORRELATION_ID, value.getCorrelationId())
        .senderFailure(target, "RETRY", "131000", "Something went wrong");
  }

  String notificationId(String order) {
    return tag + ":" + order + ":whatsapp";
  }

  void markSent(String order) {
    stack
        .dynamoDb()
        .putItem(
            b ->
                b.tableName(shared.ledger())
                    .item(
                        Map.of(
                            "notificationId", AttributeValue.fromS(notificationId(order)),
                            "state", AttributeValue.fromS("SENT"),
                            "platformMessageId", AttributeValue.fromS("wamid.TEST"))));
  }

  Cli cli() {
    return new Cli(
        List.of(
            "--bootstrap-servers", stack.kafkaBootstrapServers(),
            "--registry-url", stack.registryUrl().toString(),
            "--dynamodb-endpoint", stack.dynamoDbEndpoint().toString(),
            "--aws-region", stack.awsRegion(),
            "--ledger-table", shared.ledger(),
            "--audit-topic", audit,
            "--progress-topic", progress,
            "--pipeline-topic", target,
            "--operator", "ada"));
  }

  Cli.Run replay(String... args) {
    List<String> all = new ArrayList<>(List.of("--topic", deadLetters));
    all.addAll(List.of(args));
    return cli().run("replay", all.toArray(String[]::new));
  }

  List<ConsumerRecord<byte[], byte[]>> delivered() {
    return TopicContents.of(stack, target);
  }

  /** The orders ({@code o-1} …) the target topic holds, one per committed record. */
  List<String> deliveredOrders() {
    return delivered().stream()
        .map(r -> new String(r.key(), UTF_8).substring(tag.length() + 1))
        .toList();
  }

  /**
   * Like {@code stack.createTable}, but polls every 100 ms: the SDK's waiter sleeps 20 s when its
   * first look finds dynalite's table still CREATING.
   */
  private static void createLedger(TestStack stack, String ledger) {
    var dynamo = stack.dynamoDb();
    dynamo.createTable(
        b ->
            b.tableName(ledger)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("notificationId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("notificationId").keyType(KeyType.HASH)));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                dynamo.describeTable(b -> b.tableName(ledger)).table().tableStatus()
                    == TableStatus.ACTIVE);
  }
}
