package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.devservers.meta.AsyncFailure;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.devservers.meta.WebhookSettings;
import dev.orderflow.schema.ContractClasses;
import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmissionMetadata;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RequestedNotifications;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.webhooks.MetaWebhooksMain;
import dev.orderflow.webhooks.MetaWebhooksService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ops order show} on the real stack, for an order the buyer read and one Meta could not
 * deliver (131026, reported only by webhook). The ledger, the statuses and the dead letter come
 * from the real services: a WhatsApp sender, meta-webhooks and the Meta simulator posting signed
 * webhooks; the intake and route records are written as order-ingest and the router write them.
 */
@RealStack
class OrderStoryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void tellsTheStoryOfAReadOrderAndOfAFailedOneThatIsListedAndReplayed(TestStack stack)
      throws Exception {
    // Given a real sender whose statuses come through meta-webhooks, and Meta reporting one
    // buyer's message undeliverable (131026) after accepting it
    ContractClasses.trustForAvro();
    WhatsAppChannel channel = WhatsAppChannel.create(stack);
    String created = stack.uniqueTopic("orders.created");
    String rejected = stack.uniqueTopic("orders.rejected");
    String status = stack.uniqueTopic("notify.status");
    String inbound = stack.uniqueTopic("buyer.inbound");
    String unparsed = stack.uniqueTopic("meta-webhooks.unparsed");
    stack.createTopics(1, created, rejected, status, inbound, unparsed);
    String[] topics = {created, rejected, status};
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String readPhone = "+2348031" + suffix;
    String failingPhone = "+2348032" + suffix;
    String readOrder = "acme:R-" + suffix;
    String failedOrder = "acme:F-" + suffix;

    List<AutoCloseable> running = new ArrayList<>();
    try {
      Metrics webhookMetrics = Metrics.create(MetaWebhooksMain.SERVICE_NAME, "it");
      running.add(webhookMetrics);
      MetaWebhooksService webhooks =
          startWebhooks(stack, channel, webhookMetrics, status, inbound, unparsed);
      running.add(webhooks::stop);
      RunningSimulator simulator =
          MetaGraphSimulator.start(
              SimulatorConfig.ephemeral()
                  .withSettings(SimulatorSettings.defaults().withPairIntervalMs(0))
                  .withWebhooks(
                      WebhookSettings.defaults()
                          .withUrl(webhooks.endpoint() + "/webhooks/meta")
                          .withSecrets(WhatsAppChannel.APP_SECRET, WhatsAppChannel.VERIFY_TOKEN)
                          .withDelays(0, 200, 400L)));
      running.add(simulator);
      simulator.client().addAsyncFailures(AsyncFailure.undeliverable(failingPhone).times(1));
      Metrics senderMetrics = Metrics.create(channel.platform().name() + "-sender", "it-1");
      running.add(senderMetrics);
      SenderApp sender =
          channel.startSender(stack, simulator, senderMetrics, Map.of("status.topic", status));
      running.add(sender::stop);

      // When both orders are accepted and routed to WhatsApp
      accept(stack, created, order(readOrder, "buyer-r-" + suffix));
      accept(stack, created, order(failedOrder, "buyer-f-" + suffix));
      channel.publish(
          stack,
          List.of(
              route(readOrder, "buyer-r-" + suffix, readPhone),
              route(failedOrder, "buyer-f-" + suffix, failingPhone)));

      // Then the read order's story: accepted, routed, SENT, Meta's sent/delivered/read, no dead
      // letter, and the verdict an ops person gives the vendor
      String readId = readOrder + ":whatsapp";
      await()
          .atMost(WAIT)
          .until(() -> "READ".equals(ledger(stack, channel, readId, "deliveryStatus")));
      String wamid = ledger(stack, channel, readId, "platformMessageId");
      Cli.Run read = show(stack, channel, topics, readOrder);
      assertThat(read.exitCode()).as(read.toString()).isZero();
      assertThat(read.out())
          .contains("accepted  " + created + ":0:")
          .contains("notification " + readId + " to +234", "outside the 24-hour window")
          .doesNotContain(readPhone)
          .contains("state=SENT", "platformMessageId=" + wamid, "deliveryStatus=READ")
          .contains(wamid + "  SENT", wamid + "  DELIVERED", wamid + "  READ")
          .contains(readId + ": read by the buyer at ");
      assertThat(section(read, "Dead letters")).containsExactly("  none");

      // And the failed order's: NOT delivered with Meta's code, and its dead letter
      String failedId = failedOrder + ":whatsapp";
      await().atMost(WAIT).until(() -> "FAILED".equals(ledger(stack, channel, failedId, "state")));
      await().atMost(WAIT).until(() -> TopicContents.of(stack, channel.deadLetters()).size() == 1);
      Cli.Run failed = show(stack, channel, topics, "F-" + suffix); // the vendor's id
      assertThat(failed.exitCode()).as(failed.toString()).isZero();
      assertThat(failed.out())
          .contains("Order " + failedOrder)
          .contains(failedId + ": NOT delivered")
          .contains(channel.deadLetters() + ":0:0")
          .contains("FAILED  131026");
      assertThat(section(failed, "Dead letters")).singleElement().asString().contains("131026");

      // And the ops tool lists it by Meta's code
      Cli.Run listed =
          cli(stack, channel)
              .run("list", "--topic", channel.deadLetters(), "--code", "131026", "--json");
      assertThat(listed.exitCode()).as(listed.toString()).isZero();
      assertThat(listed.lines()).singleElement().asString().contains(failedOrder);

      // When it is replayed (Meta's failure was for one message only)
      Cli.Run replay = channel.replay(stack);
      assertThat(replay.exitCode()).as(replay.toString()).isZero();

      // Then the buyer reads the second message, and the story tells the replay and the outcome
      await()
          .atMost(WAIT)
          .until(() -> "READ".equals(ledger(stack, channel, failedId, "deliveryStatus")));
      Cli.Run after = show(stack, channel, topics, failedOrder, "--json");
      assertThat(after.exitCode()).as(after.toString()).isZero();
      JsonNode story = JSON.readTree(after.out());
      assertThat(story.path("replays")).hasSize(1);
      assertThat(story.path("replays").path(0).path("from").asText())
          .isEqualTo(channel.deadLetters() + ":0:0");
      assertThat(story.path("replays").path(0).path("operator").asText()).isEqualTo("ada");
      assertThat(story.path("verdicts").toString()).contains(failedId + ": read by the buyer at");
      assertThat(story.path("statuses").toString()).contains("131026", "READ");
    } finally {
      for (AutoCloseable closeable : running.reversed()) {
        closeable.close();
      }
    }
  }

  private static Cli cli(TestStack stack, WhatsAppChannel channel) {
    return new Cli(
        List.of(
            "--bootstrap-servers", stack.kafkaBootstrapServers(),
            "--registry-url", stack.registryUrl().toString()));
  }

  private static Cli.Run show(
      TestStack stack, WhatsAppChannel channel, String[] topics, String order, String... more) {
    List<String> args = new ArrayList<>(List.of(order));
    args.addAll(channel.ledgerFlags(stack));
    args.addAll(
        List.of(
            "--created-topic",
            topics[0],
            "--rejected-topic",
            topics[1],
            "--notify-topic",
            channel.mainTopic(),
            "--status-topic",
            topics[2],
            "--dead-letter-topic",
            channel.deadLetters(),
            "--audit-topic",
            channel.audit()));
    args.addAll(List.of(more));
    return Cli.order("show", args.toArray(String[]::new));
  }

  /** The lines under a heading of the text story, up to the next blank line. */
  private static List<String> section(Cli.Run run, String heading) {
    List<String> lines = run.lines();
    int at = lines.indexOf(heading);
    assertThat(at).as(run.toString()).isNotNegative();
    return lines.subList(at + 1, lines.size()).stream().takeWhile(l -> !l.isBlank()).toList();
  }

  private static MetaWebhooksService startWebhooks(
      TestStack stack,
      WhatsAppChannel channel,
      Metrics metrics,
      String status,
      String inbound,
      String unparsed)
      throws Exception {
    Map<String, String> env = stack.serviceEnvironment();
    env.put("CREDENTIALS_SECRET_NAME", channel.secretName());
    env.put("TOPICS_NOTIFY_STATUS", status);
    env.put("TOPICS_BUYER_INBOUND", inbound);
    env.put("TOPICS_WEBHOOKS_UNPARSED", unparsed);
    env.put("WEBHOOKS_HTTP_PORT", "0");
    return MetaWebhooksService.startInThisJvm(
        "it", env, metrics, new HealthChecks(), new HealthChecks());
  }

  private static String ledger(TestStack stack, WhatsAppChannel channel, String id, String name) {
    AttributeValue value =
        stack
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName(channel.ledger())
                        .consistentRead(true)
                        .key(Map.of("notificationId", AttributeValue.fromS(id))))
            .item()
            .get(name);
    return value == null ? null : value.s();
  }

  private static void accept(TestStack stack, String topic, OrderCreated order) throws Exception {
    try (var serializer =
            new AvroSerializer<OrderCreated>(
                AvroSerdeConfig.localStack(stack.registryUrl().toString()));
        KafkaProducer<byte[], byte[]> producer = stack.producer()) {
      byte[] value = serializer.serialize(topic, order);
      producer.send(new ProducerRecord<>(topic, order.getOrderId().getBytes(UTF_8), value)).get();
    }
  }

  /** As order-ingest writes it. */
  private static OrderCreated order(String orderId, String buyerId) {
    Instant now = Instant.now();
    return OrderCreated.newBuilder()
        .setOrderId(orderId)
        .setVendorId("acme")
        .setVendorOrderId(orderId.substring(orderId.indexOf(':') + 1))
        .setBuyerId(buyerId)
        .setCurrency("NGN")
        .setItems(
            List.of(
                LineItem.newBuilder()
                    .setSku("ANKARA-6Y")
                    .setName("Ankara fabric, 6 yards")
                    .setQuantity(2)
                    .setUnitPriceMinor(690_000L)
                    .build()))
        .setTotalMinor(1_380_000L)
        .setCorrelationId("corr-" + orderId)
        .setSubmittedAt(now)
        .setCreatedAt(now)
        .setSubmission(
            SubmissionMetadata.newBuilder()
                .setFormat(SubmissionFormat.JSON)
                .setTopic("orders.submitted.v1")
                .setPartition(0)
                .setOffset(0)
                .setContentHash("0".repeat(64))
                .build())
        .build();
  }

  /** As the router writes it for a buyer outside the 24-hour window: a template. */
  private static NotificationRequested route(String orderId, String buyerId, String phone) {
    return RequestedNotifications.whatsappTemplate(orderId, buyerId, phone).build();
  }
}
