package dev.orderflow.webhooks.it;

import static dev.orderflow.webhooks.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.webhooks.Payloads;
import dev.orderflow.webhooks.RunningWebhooks;
import dev.orderflow.webhooks.signature.SignatureCheck;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One meta-webhooks service on the real stack (Kafka, registry, Secrets Manager), called as Meta
 * calls it: signed posts land on their topics, everything else is refused and writes nothing.
 */
@RealStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookReceiverIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String BUYER = "2348030000001";
  private static final long T0 = Instant.parse("2026-12-01T10:00:00Z").getEpochSecond();

  private RunningWebhooks webhooks;
  private Records records;
  private RecordCollector statuses;
  private RecordCollector inbound;
  private RecordCollector unparsed;

  @BeforeAll
  void start(TestStack stack) throws Exception {
    webhooks = RunningWebhooks.start(stack, Map.of());
    records = new Records(stack);
    statuses = stack.collector(webhooks.statusTopic);
    inbound = stack.collector(webhooks.inboundTopic);
    unparsed = stack.collector(webhooks.unparsedTopic);
    await("ready").atMost(WAIT).until(() -> webhooks.ops("/health/ready").statusCode() == 200);
  }

  @AfterAll
  void stop() {
    if (webhooks != null) {
      webhooks.close();
    }
    if (records != null) {
      records.close();
    }
  }

  @Test
  void aSignedStatusSequenceLandsOnNotifyStatusKeyedByWamidWithEveryField() {
    // Given
    String wamid = "wamid.seq-" + UUID.randomUUID();
    List<byte[]> sequence =
        List.of(
            utf8(Payloads.whatsappStatus(wamid, "sent", T0, BUYER, "")),
            utf8(
                Payloads.whatsappStatus(
                    wamid,
                    "delivered",
                    T0 + 2,
                    BUYER,
                    ", \"pricing\": {\"billable\": true, \"category\": \"utility\"},"
                        + " \"biz_opaque_callback_data\": \"v:o-1:whatsapp\"")),
            utf8(Payloads.whatsappStatus(wamid, "read", T0 + 9, BUYER, "")));

    // When
    List<Integer> answers =
        sequence.stream().map(body -> webhooks.postSigned(body).statusCode()).toList();

    // Then: each answered 200 only once written, so the records are already there
    assertThat(answers).containsOnly(200);
    List<ConsumerRecord<byte[], byte[]>> written = ofKey(statuses, wamid, 3);
    assertThat(written)
        .extracting(r -> records.status(r).getStatus())
        .containsExactly(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ);
    DeliveryStatus delivered = records.status(written.get(1));
    assertThat(delivered.getPlatform()).isEqualTo(Platform.WHATSAPP);
    assertThat(delivered.getMessageId()).isEqualTo(wamid);
    assertThat(delivered.getRecipientId()).isEqualTo("+" + BUYER);
    assertThat(delivered.getBusinessId()).isEqualTo(Payloads.PHONE_NUMBER_ID);
    assertThat(delivered.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(T0 + 2));
    assertThat(delivered.getPricingCategory()).isEqualTo("utility");
    assertThat(delivered.getBizOpaqueCallbackData()).isEqualTo("v:o-1:whatsapp");
    assertThat(written)
        .extracting(Records::correlationId)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
  }

  @Test
  void aFailedStatusCarriesMetasErrorCode() {
    String wamid = "wamid.failed-" + UUID.randomUUID();

    int answer =
        webhooks
            .postSigned(utf8(Payloads.whatsappFailed(wamid, T0, BUYER, "v:o-2:whatsapp")))
            .statusCode();

    assertThat(answer).isEqualTo(200);
    DeliveryStatus failed = records.status(ofKey(statuses, wamid, 1).getFirst());
    assertThat(failed.getStatus()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.getErrors()).extracting(e -> e.getCode()).containsExactly(131026);
    assertThat(failed.getBizOpaqueCallbackData()).isEqualTo("v:o-2:whatsapp");
  }

  @Test
  void aBadOrMissingSignatureIs401AndNothingIsWritten() {
    // Given
    String forged = "wamid.forged-" + UUID.randomUUID();
    byte[] body = utf8(Payloads.whatsappStatus(forged, "read", T0, BUYER, ""));
    String sentinel = "wamid.sentinel-" + UUID.randomUUID();

    // When
    HttpResponse<String> wrongSecret =
        webhooks.post(body, SignatureCheck.headerFor(body, "not-the-app-secret"));
    HttpResponse<String> unsigned = webhooks.post(body, null);
    webhooks.postSigned(utf8(Payloads.whatsappStatus(sentinel, "sent", T0, BUYER, "")));

    // Then: the sentinel, sent after them to the same single partition, is there; they are not
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    ofKey(statuses, sentinel, 1);
    assertThat(statuses.records()).extracting(Records::key).doesNotContain(forged);
    assertThat(webhooks.ops("/metrics").body())
        .contains("webhooks_signature_failures_total{")
        .containsPattern("reason=\"mismatch\"[^\\n]*\\} 1\\.0");
  }

  @Test
  void theHandshakeEchoesTheChallengeOnlyForTheVerifyToken() {
    HttpResponse<String> good =
        webhooks.handshake(
            "hub.mode=subscribe&hub.verify_token="
                + RunningWebhooks.VERIFY_TOKEN
                + "&hub.challenge=1158201444");
    HttpResponse<String> bad =
        webhooks.handshake("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).isEqualTo("1158201444");
    assertThat(bad.statusCode()).isEqualTo(403);
    assertThat(bad.body()).doesNotContain("1158201444");
  }

  @Test
  void aBodyThatIsNotAWebhookIs400AndAnUnknownWebhookGoesToUnparsedWithItsReason() {
    // Given
    byte[] notAWebhook = utf8("{\"hello\": \"" + UUID.randomUUID() + "\"}");
    String marker = UUID.randomUUID().toString();
    byte[] unknown =
        utf8(
            "{\"object\": \"whatsapp_business_account\", \"entry\": [{\"id\": \"%s\", \"changes\":"
                    .formatted(marker)
                + " [{\"field\": \"message_template_status_update\", \"value\": {}}]}]}");

    // When
    HttpResponse<String> refused = webhooks.postSigned(notAWebhook);
    HttpResponse<String> accepted = webhooks.postSigned(unknown);

    // Then
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(accepted.statusCode()).isEqualTo(200);
    await().atMost(WAIT).pollInSameThread().until(() -> !unparsed.poll().isEmpty());
    assertThat(unparsed.records())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.value()).isEqualTo(unknown);
              assertThat(Records.reasons(record))
                  .containsExactly(
                      "entry[0].changes[0]: field 'message_template_status_update' is not handled");
            });
  }

  @Test
  void inboundMessagesLandOnBuyerInboundKeyedBySender() {
    String igsid = "68" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    String waBuyer = "23480" + (10_000_000 + (int) (Math.random() * 89_999_999));

    int whatsapp =
        webhooks
            .postSigned(utf8(Payloads.whatsappText("wamid.in-" + igsid, waBuyer, T0, "STOP")))
            .statusCode();
    int instagram =
        webhooks
            .postSigned(
                utf8(
                    Payloads.instagram(
                        igsid,
                        Payloads.IG_ACCOUNT,
                        T0 * 1000,
                        "\"message\": {\"mid\": \"m-" + igsid + "\", \"text\": \"Is it paid?\"}")))
            .statusCode();

    assertThat(List.of(whatsapp, instagram)).containsOnly(200);
    InboundMessage fromWhatsApp = records.inbound(ofKey(inbound, "+" + waBuyer, 1).getFirst());
    InboundMessage fromInstagram = records.inbound(ofKey(inbound, igsid, 1).getFirst());
    assertThat(fromWhatsApp.getText()).isEqualTo("STOP");
    assertThat(fromWhatsApp.getPlatform()).isEqualTo(Platform.WHATSAPP);
    assertThat(fromInstagram.getText()).isEqualTo("Is it paid?");
    assertThat(fromInstagram.getBusinessId()).isEqualTo(Payloads.IG_ACCOUNT);
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
