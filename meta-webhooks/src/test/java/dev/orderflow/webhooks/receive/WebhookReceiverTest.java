package dev.orderflow.webhooks.receive;

import static dev.orderflow.webhooks.Payloads.utf8;
import static dev.orderflow.webhooks.receive.ReceiverFixture.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.webhooks.FakeSecrets;
import dev.orderflow.webhooks.Payloads;
import dev.orderflow.webhooks.http.Answer;
import dev.orderflow.webhooks.signature.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  private final ReceiverFixture fixture = new ReceiverFixture();

  @Test
  void aSignedStatusIsWrittenKeyedByItsWamidBeforeTheAnswer200() {
    // Given
    byte[] body =
        utf8(Payloads.whatsappStatus("wamid.S1", "read", 1_764_583_200L, "2348031234567", ""));

    // When
    Answer answer = fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    // Then
    assertThat(answer.status()).isEqualTo(200);
    ProducerRecord<byte[], byte[]> written = fixture.producer.history().getFirst();
    assertThat(written.topic()).isEqualTo("status");
    assertThat(new String(written.key(), StandardCharsets.UTF_8)).isEqualTo("wamid.S1");
    DeliveryStatus status =
        fixture.statusSerde.deserializer().deserialize("status", written.value());
    assertThat(status.getStatus()).isEqualTo(DeliveryState.READ);
    assertThat(status.getReceivedAt()).isEqualTo(ReceiverFixture.NOW);
    assertThat(KafkaHeaders.string(written.headers(), HeaderNames.CORRELATION_ID))
        .hasValueSatisfying(id -> assertThat(id).startsWith("webhook-"));
    assertThat(KafkaHeaders.longValue(written.headers(), HeaderNames.WEBHOOK_RECEIVED_AT))
        .hasValue(ReceiverFixture.NOW.toEpochMilli());
    assertThat(fixture.count("webhooks.statuses", "platform", "whatsapp", "status", "read"))
        .isEqualTo(1);
  }

  @Test
  void anInboundMessageIsKeyedByItsSender() {
    byte[] body = utf8(Payloads.whatsappText("wamid.I1", "2348031234567", 1_764_583_260L, "hi"));

    fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    ProducerRecord<byte[], byte[]> written = fixture.producer.history().getFirst();
    assertThat(written.topic()).isEqualTo("inbound");
    assertThat(new String(written.key(), StandardCharsets.UTF_8)).isEqualTo("+2348031234567");
    InboundMessage message =
        fixture.inboundSerde.deserializer().deserialize("inbound", written.value());
    assertThat(message.getText()).isEqualTo("hi");
  }

  @Test
  void aWrongOrMissingSignatureIs401AndNothingIsParsedOrWritten() {
    byte[] body = utf8(Payloads.whatsappStatus("wamid.S1", "read", 1_764_583_200L, "1", ""));

    Answer wrong = fixture.receiver.deliver(SignatureCheck.headerFor(body, "another"), body);
    Answer missing = fixture.receiver.deliver(null, body);
    Answer garbage = fixture.receiver.deliver("sha256=xyz", utf8("not even json"));

    assertThat(List.of(wrong.status(), missing.status(), garbage.status())).containsOnly(401);
    assertThat(fixture.producer.history()).isEmpty();
    assertThat(fixture.count("webhooks.signature.failures", "reason", "mismatch")).isEqualTo(1);
    assertThat(fixture.count("webhooks.signature.failures", "reason", "missing")).isEqualTo(1);
    assertThat(fixture.count("webhooks.signature.failures", "reason", "malformed")).isEqualTo(1);
    assertThat(fixture.count("webhooks.refused", "reason", "not-a-webhook")).isZero();
  }

  @Test
  void aSignedBodyThatIsNotAWebhookIs400AndNothingIsWritten() {
    byte[] body = utf8("{\"hello\": \"world\"}");

    Answer answer = fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("no \"object\" string");
    assertThat(fixture.producer.history()).isEmpty();
  }

  @Test
  void aWebhookPartThatMapsToNoEventGoesToUnparsedWithTheRawBodyAndEveryReason() {
    String json =
        """
        { "object": "whatsapp_business_account", "entry": [ { "id": "1", "changes": [
          { "field": "account_update", "value": {} },
          { "field": "message_template_status_update", "value": {} } ] } ] }""";
    byte[] body = utf8(json);

    Answer answer = fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    assertThat(answer.status()).isEqualTo(200);
    ProducerRecord<byte[], byte[]> written = fixture.producer.history().getFirst();
    assertThat(written.topic()).isEqualTo("unparsed");
    assertThat(written.value()).isEqualTo(body);
    assertThat(written.headers().headers(HeaderNames.UNPARSED_REASON))
        .extracting(Header::value)
        .extracting(v -> new String(v, StandardCharsets.UTF_8))
        .containsExactly(
            "entry[0].changes[0]: field 'account_update' is not handled",
            "entry[0].changes[1]: field 'message_template_status_update' is not handled");
    assertThat(KafkaHeaders.string(written.headers(), HeaderNames.WEBHOOK_OBJECT))
        .hasValue("whatsapp_business_account");
    assertThat(fixture.count("webhooks.unparsed", "object", "whatsapp_business_account"))
        .isEqualTo(1);
  }

  @Test
  void whenKafkaRefusesTheSendTheAnswerIs503SoMetaRetries() {
    byte[] body = utf8(Payloads.whatsappStatus("wamid.S1", "sent", 1_764_583_200L, "1", ""));
    fixture.producer.sendException = new TimeoutException("Topic status not present in metadata");

    Answer answer = fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    assertThat(answer.status()).isEqualTo(503);
    assertThat(fixture.count("webhooks.refused", "reason", "kafka-unavailable")).isEqualTo(1);
    assertThat(fixture.count("webhooks.statuses", "platform", "whatsapp", "status", "sent"))
        .isZero();
  }

  @Test
  void whenKafkaDoesNotAcknowledgeInTimeTheAnswerIs503() {
    ReceiverFixture unacknowledged = new ReceiverFixture(false, Duration.ofMillis(50));
    byte[] body = utf8(Payloads.whatsappStatus("wamid.S1", "sent", 1_764_583_200L, "1", ""));

    Answer answer =
        unacknowledged.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    assertThat(answer.status()).isEqualTo(503);
  }

  @Test
  void aRotatedAppSecretIsPickedUpByTheFirstWebhookSignedWithIt() {
    byte[] body = utf8(Payloads.whatsappStatus("wamid.S1", "sent", 1_764_583_200L, "1", ""));
    fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);
    fixture.secrets.set(FakeSecrets.json("app-secret-2", "verify-me"));

    Answer answer = fixture.receiver.deliver(SignatureCheck.headerFor(body, "app-secret-2"), body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(fixture.producer.history()).hasSize(2);
  }

  @Test
  void withoutAReadableSecretEveryCallIs503() {
    fixture.secrets.set(null);
    byte[] body = utf8(Payloads.whatsappStatus("wamid.S1", "sent", 1_764_583_200L, "1", ""));

    Answer post = fixture.receiver.deliver(SignatureCheck.headerFor(body, APP_SECRET), body);

    assertThat(post.status()).isEqualTo(503);
    assertThat(fixture.producer.history()).isEmpty();
  }
}
