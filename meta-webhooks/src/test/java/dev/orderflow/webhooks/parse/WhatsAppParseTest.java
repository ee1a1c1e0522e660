package dev.orderflow.webhooks.parse;

import static dev.orderflow.webhooks.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.Platform;
import dev.orderflow.webhooks.Payloads;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhatsAppParseTest {
  private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:01.234Z");
  private final WebhookParser parser = new WebhookParser();

  @Test
  void aDeliveredStatusBecomesADeliveryStatusInE164WithItsPricing() {
    String body =
        Payloads.whatsappStatus(
            "wamid.A1",
            "delivered",
            1_764_583_200L,
            "2348031234567",
            """
            , "conversation": { "id": "c1", "origin": { "type": "utility" } },
              "pricing": { "billable": true, "pricing_model": "PMP", "category": "utility" }""");

    ParseResult.Webhook webhook = webhook(body);

    assertThat(webhook.unparsed()).isEmpty();
    DeliveryStatus status = webhook.statuses().getFirst();
    assertThat(status.getPlatform()).isEqualTo(Platform.WHATSAPP);
    assertThat(status.getMessageId()).isEqualTo("wamid.A1");
    assertThat(status.getStatus()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(status.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1_764_583_200L));
    assertThat(status.getRecipientId()).isEqualTo("+2348031234567");
    assertThat(status.getBusinessId()).isEqualTo(Payloads.PHONE_NUMBER_ID);
    assertThat(status.getPricingCategory()).isEqualTo("utility");
    assertThat(status.getErrors()).isEmpty();
    assertThat(status.getBizOpaqueCallbackData()).isNull();
    assertThat(status.getReceivedAt()).isEqualTo(RECEIVED);
  }

  @Test
  void aFailedStatusCarriesItsErrorsAndTheEchoedCallbackData() {
    String body =
        Payloads.whatsappFailed("wamid.F1", 1_764_583_200L, "2348031234567", "v:o-1:whatsapp");

    DeliveryStatus status = webhook(body).statuses().getFirst();

    assertThat(status.getStatus()).isEqualTo(DeliveryState.FAILED);
    assertThat(status.getBizOpaqueCallbackData()).isEqualTo("v:o-1:whatsapp");
    assertThat(status.getErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getCode()).isEqualTo(131026);
              assertThat(e.getTitle()).isEqualTo("Message undeliverable");
              assertThat(e.getDetails()).isEqualTo("Message Undeliverable.");
              assertThat(e.getHref()).startsWith("https://developers.facebook.com/");
            });
  }

  @Test
  void aTextMessageIsAnInboundMessageFromTheBuyerInE164() {
    String body = Payloads.whatsappText("wamid.IN1", "2348031234567", 1_764_583_260L, "STOP");

    ParseResult.Webhook webhook = webhook(body);

    InboundMessage message = webhook.inbound().getFirst();
    assertThat(webhook.statuses()).isEmpty();
    assertThat(message.getPlatform()).isEqualTo(Platform.WHATSAPP);
    assertThat(message.getSenderId()).isEqualTo("+2348031234567");
    assertThat(message.getBusinessId()).isEqualTo(Payloads.PHONE_NUMBER_ID);
    assertThat(message.getMessageId()).isEqualTo("wamid.IN1");
    assertThat(message.getType()).isEqualTo("text");
    assertThat(message.getText()).isEqualTo("STOP");
    assertThat(message.getOccurredAt()).isEqualTo(Instant.ofEpochSecond(1_764_583_260L));
  }

  @Test
  void aQuickReplyButtonCountsAsTheTextOnIt() {
    String body =
        Payloads.whatsapp(
            """
            "messages": [ { "from": "2348031234567", "id": "wamid.B1", "timestamp": "1764583260",
              "type": "button", "button": { "payload": "opt-out", "text": "Stop promotions" } } ]""");

    assertThat(webhook(body).inbound().getFirst().getText()).isEqualTo("Stop promotions");
  }

  @Test
  void anImageWithoutCaptionIsInboundWithoutText() {
    String body =
        Payloads.whatsapp(
            """
            "messages": [ { "from": "2348031234567", "id": "wamid.I1", "timestamp": "1764583260",
              "type": "image", "image": { "id": "media-1", "mime_type": "image/jpeg" } } ]""");

    InboundMessage message = webhook(body).inbound().getFirst();
    assertThat(message.getType()).isEqualTo("image");
    assertThat(message.getText()).isNull();
  }

  @Test
  void anUnknownStatusIsUnparsedWithItsPathWhileTheOthersAreKept() {
    String body =
        Payloads.whatsapp(
            """
            "statuses": [
              { "id": "wamid.1", "status": "sent", "timestamp": "1764583200", "recipient_id": "2348031234567" },
              { "id": "wamid.2", "status": "deleted", "timestamp": "1764583200", "recipient_id": "2348031234567" } ]""");

    ParseResult.Webhook webhook = webhook(body);

    assertThat(webhook.statuses())
        .extracting(DeliveryStatus::getMessageId)
        .containsExactly("wamid.1");
    assertThat(webhook.unparsed())
        .containsExactly(
            "entry[0].changes[0].value.statuses[1]: status 'deleted' is not one of sent,"
                + " delivered, read, failed");
  }

  @Test
  void aStatusWithoutTimestampOrIdIsUnparsed() {
    String body =
        Payloads.whatsapp(
            """
            "statuses": [ { "id": "wamid.1", "status": "read", "recipient_id": "2348031234567" },
                          { "status": "read", "timestamp": "1764583200", "recipient_id": "1" } ]""");

    assertThat(webhook(body).unparsed())
        .containsExactly(
            "entry[0].changes[0].value.statuses[0]: no timestamp in epoch seconds",
            "entry[0].changes[0].value.statuses[1]: no id");
  }

  @Test
  void otherFieldsAndErrorsNotTiedToAMessageAreUnparsed() {
    String body =
        """
        { "object": "whatsapp_business_account", "entry": [ { "id": "1", "changes": [
          { "field": "message_template_status_update", "value": { "event": "APPROVED" } },
          { "field": "messages", "value": { "errors": [ { "code": 130429 }, { "code": 131000 } ] } }
        ] } ] }""";

    ParseResult.Webhook webhook = webhook(body);

    assertThat(webhook.eventCount()).isZero();
    assertThat(webhook.unparsed())
        .containsExactly(
            "entry[0].changes[0]: field 'message_template_status_update' is not handled",
            "entry[0].changes[1].value.errors: errors not tied to a message, codes 130429,131000");
  }

  @Test
  void aWebhookWithNoEntriesSaysSo() {
    ParseResult.Webhook webhook =
        webhook("{\"object\": \"whatsapp_business_account\", \"entry\": []}");

    assertThat(webhook.unparsed()).containsExactly("entry: the webhook carries no events");
  }

  private ParseResult.Webhook webhook(String body) {
    ParseResult result = parser.parse(utf8(body), RECEIVED);
    assertThat(result).isInstanceOf(ParseResult.Webhook.class);
    return (ParseResult.Webhook) result;
  }
}
