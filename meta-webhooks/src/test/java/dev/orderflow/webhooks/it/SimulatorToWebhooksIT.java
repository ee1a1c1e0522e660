package dev.orderflow.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.devservers.meta.AsyncFailure;
import dev.orderflow.devservers.meta.InboundRequest;
import dev.orderflow.devservers.meta.InboundResult;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.devservers.meta.WebhookDelivery;
import dev.orderflow.devservers.meta.WebhookSettings;
import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.webhooks.RunningWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Meta simulator (embedded, real HTTP) calling meta-webhooks (real Kafka, registry, Secrets
 * Manager) end to end: what a send through the Graph API leads to lands on the topics.
 */
@RealStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorToWebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private RunningWebhooks webhooks;
  private RunningSimulator simulator;
  private MetaSimulatorClient meta;
  private Records records;
  private RecordCollector statuses;
  private RecordCollector inbound;

  @BeforeAll
  void start(TestStack stack) throws Exception {
    webhooks = RunningWebhooks.start(stack, Map.of());
    simulator =
        MetaGraphSimulator.start(
            SimulatorConfig.ephemeral()
                .withSettings(SimulatorSettings.defaults().withPairIntervalMs(0))
                .withWebhooks(
                    WebhookSettings.defaults()
                        .withUrl(webhooks.callbackUrl().toString())
                        .withSecrets(RunningWebhooks.APP_SECRET, RunningWebhooks.VERIFY_TOKEN)));
    meta = simulator.client();
    records = new Records(stack);
    statuses = stack.collector(webhooks.statusTopic);
    inbound = stack.collector(webhooks.inboundTopic);
    await("ready").atMost(WAIT).until(() -> webhooks.ops("/health/ready").statusCode() == 200);
  }

  @BeforeEach
  void quickStatuses() {
    meta.updateWebhooks(w -> w.withDelays(0, 50, 100L).withReorder(false).withDuplicates(0));
  }

  @AfterAll
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
    if (webhooks != null) {
      webhooks.close();
    }
    if (records != null) {
      records.close();
    }
  }

  @Test
  void aWhatsAppSendIsFollowedBySentDeliveredReadEchoingTheNotificationId() throws Exception {
    String wamid = sendTemplate(buyer(), "v:o-sim-1:whatsapp");

    List<DeliveryStatus> landed = statusesOf(wamid, 3);

    // 50 ms apart, concurrent requests may land in any order; the simulator plans them in order.
    assertThat(landed)
        .extracting(DeliveryStatus::getStatus)
        .containsExactlyInAnyOrder(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ);
    assertThat(landed)
        .extracting(DeliveryStatus::getBizOpaqueCallbackData)
        .containsOnly("v:o-sim-1:whatsapp");
    assertThat(meta.webhookDeliveries(wamid))
        .extracting(WebhookDelivery::httpStatus)
        .containsOnly(200);
  }

  @Test
  void reorderedAndDuplicatedStatusesAllLandNoneDropped() throws Exception {
    // Seconds apart: WhatsApp's timestamps have whole seconds.
    meta.updateWebhooks(w -> w.withDelays(0, 1_000, 2_000L).withReorder(true).withDuplicates(1));

    String wamid = sendTemplate(buyer(), "v:o-sim-2:whatsapp");

    // Arrival order is the simulator's and the network's; what must hold is that every copy
    // lands and Meta's timestamps still tell the true order.
    List<DeliveryStatus> landed = statusesOf(wamid, 6);
    assertThat(landed)
        .extracting(DeliveryStatus::getStatus)
        .containsExactlyInAnyOrder(
            DeliveryState.SENT, DeliveryState.SENT,
            DeliveryState.DELIVERED, DeliveryState.DELIVERED,
            DeliveryState.READ, DeliveryState.READ);
    assertThat(landed.stream().sorted(Comparator.comparing(DeliveryStatus::getOccurredAt)))
        .extracting(DeliveryStatus::getStatus)
        .containsExactly(
            DeliveryState.SENT, DeliveryState.SENT,
            DeliveryState.DELIVERED, DeliveryState.DELIVERED,
            DeliveryState.READ, DeliveryState.READ);
    assertThat(meta.webhookDeliveries(wamid).getFirst().event()).isEqualTo("read");
  }

  @Test
  void aScriptedUndeliverableRecipientEndsFailedWith131026() throws Exception {
    String to = buyer();
    meta.addAsyncFailures(AsyncFailure.undeliverable(to).times(1));

    String wamid = sendTemplate(to, "v:o-sim-3:whatsapp");

    DeliveryStatus failed =
        statusesOf(wamid, 2).stream()
            .filter(s -> s.getStatus() != DeliveryState.SENT)
            .findFirst()
            .orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.getErrors()).extracting(e -> e.getCode()).containsExactly(131026);
    assertThat(failed.getBizOpaqueCallbackData()).isEqualTo("v:o-sim-3:whatsapp");
    assertThat(failed.getRecipientId()).isEqualTo(to);
  }

  @Test
  void anInstagramSendIsEchoedAsSentThenRead() throws Exception {
    String igsid = "68" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);

    String mid =
        graph(
                "/v23.0/" + SimulatorSettings.DEFAULT_INSTAGRAM_ID + "/messages",
                SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN,
                "{\"recipient\":{\"id\":\"%s\"},\"message\":{\"text\":\"Your order shipped\"}}"
                    .formatted(igsid))
            .path("message_id")
            .asText();

    // Instagram's timestamps have milliseconds: they tell the order whatever the arrival order.
    List<DeliveryStatus> landed = statusesOf(mid, 2);
    assertThat(landed.stream().sorted(Comparator.comparing(DeliveryStatus::getOccurredAt)))
        .extracting(DeliveryStatus::getStatus)
        .containsExactly(DeliveryState.SENT, DeliveryState.READ);
    assertThat(landed).extracting(DeliveryStatus::getRecipientId).containsOnly(igsid);
  }

  @Test
  void inboundMessagesOnRequestLandKeyedByTheBuyer() {
    String phone = buyer();
    String igsid = "68" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);

    InboundResult whatsapp =
        meta.sendInbound(InboundRequest.text(Platform.WHATSAPP, phone, "STOP"));
    InboundResult instagram =
        meta.sendInbound(InboundRequest.text(Platform.INSTAGRAM, igsid, "Hello, is it paid?"));

    assertThat(whatsapp.delivery().httpStatus()).isEqualTo(200);
    assertThat(instagram.delivery().httpStatus()).isEqualTo(200);
    InboundMessage stop = records.inbound(ofKey(inbound, phone, 1).getFirst());
    assertThat(stop.getText()).isEqualTo("STOP");
    assertThat(stop.getMessageId()).isEqualTo(whatsapp.messageId());
    InboundMessage hello = records.inbound(ofKey(inbound, igsid, 1).getFirst());
    assertThat(hello.getMessageId()).isEqualTo(instagram.messageId());
  }

  @Test
  void theSimulatorsHandshakeIsAccepted() {
    assertThat(meta.verifyWebhook().verified()).isTrue();
  }

  private static String buyer() {
    return "+23480" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private String sendTemplate(String to, String callbackData) throws Exception {
    String body =
        """
        {"messaging_product":"whatsapp","to":"%s","type":"template",
         "biz_opaque_callback_data":"%s",
         "template":{"name":"order_confirmation","language":{"code":"en"}}}"""
            .formatted(to, callbackData);
    return graph(
            "/v23.0/" + SimulatorSettings.DEFAULT_PHONE_NUMBER_ID + "/messages",
            SimulatorSettings.DEFAULT_WHATSAPP_TOKEN,
            body)
        .at("/messages/0/id")
        .asText();
  }

  private JsonNode graph(String path, String token, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(simulator.baseUri() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private List<DeliveryStatus> statusesOf(String messageId, int count) {
    return ofKey(statuses, messageId, count).stream().map(records::status).toList();
  }

  private static List<ConsumerRecord<byte[], byte[]>> ofKey(
      RecordCollector collector, String key, int count) {
    await()
        .atMost(WAIT)
        .pollInSameThread()
        .until(
            () ->
                collector.poll().stream().filter(r -> Records.key(r).equals(key)).count() >= count);
    return collector.records().stream().filter(r -> Records.key(r).equals(key)).toList();
  }
}
