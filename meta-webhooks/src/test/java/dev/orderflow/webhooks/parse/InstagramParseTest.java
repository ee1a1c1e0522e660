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

class InstagramParseTest {
  private static final String BUYER = "6812345678901234";
  private static final String BUSINESS = Payloads.IG_ACCOUNT;
  private static final long AT = 1_764_583_200_123L;
  private final WebhookParser parser = new WebhookParser();

  @Test
  void aBuyersMessageIsInboundFromTheIgsid() {
    InboundMessage message =
        webhook(BUYER, BUSINESS, "\"message\": {\"mid\": \"m_1\", \"text\": \"Is it paid?\"}")
            .inbound()
            .getFirst();

    assertThat(message.getPlatform()).isEqualTo(Platform.INSTAGRAM);
    assertThat(message.getSenderId()).isEqualTo(BUYER);
    assertThat(message.getBusinessId()).isEqualTo(BUSINESS);
    assertThat(message.getMessageId()).isEqualTo("m_1");
    assertThat(message.getType()).isEqualTo("text");
    assertThat(message.getText()).isEqualTo("Is it paid?");
    assertThat(message.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(AT));
  }

  @Test
  void theEchoOfOurOwnMessageIsItsSentStatusToTheBuyer() {
    ParseResult.Webhook webhook =
        webhook(
            BUSINESS,
            BUYER,
            "\"message\": {\"mid\": \"m_out\", \"text\": \"Your order…\", \"is_echo\": true}");

    assertThat(webhook.inbound()).isEmpty();
    DeliveryStatus status = webhook.statuses().getFirst();
    assertThat(status.getStatus()).isEqualTo(DeliveryState.SENT);
    assertThat(status.getMessageId()).isEqualTo("m_out");
    assertThat(status.getRecipientId()).isEqualTo(BUYER);
    assertThat(status.getBusinessId()).isEqualTo(BUSINESS);
  }

  @Test
  void aReadEventIsTheReadStatusOfTheMidItNames() {
    DeliveryStatus status =
        webhook(BUYER, BUSINESS, "\"read\": {\"mid\": \"m_out\"}").statuses().getFirst();

    assertThat(status.getStatus()).isEqualTo(DeliveryState.READ);
    assertThat(status.getMessageId()).isEqualTo("m_out");
    assertThat(status.getRecipientId()).isEqualTo(BUYER);
    assertThat(status.getBizOpaqueCallbackData()).isNull();
  }

  @Test
  void reactionsAndPostbacksAreInboundWithTheirEmojiOrTitle() {
    InboundMessage reaction =
        webhook(
                BUYER,
                BUSINESS,
                "\"reaction\": {\"mid\": \"m_out\", \"action\": \"react\", \"reaction\": \"love\","
                    + " \"emoji\": \"❤\"}")
            .inbound()
            .getFirst();
    InboundMessage postback =
        webhook(
                BUYER,
                BUSINESS,
                "\"postback\": {\"mid\": \"m_p\", \"title\": \"Track order\", \"payload\": \"T\"}")
            .inbound()
            .getFirst();

    assertThat(reaction.getType()).isEqualTo("reaction");
    assertThat(reaction.getText()).isEqualTo("❤");
    assertThat(postback.getType()).isEqualTo("postback");
    assertThat(postback.getText()).isEqualTo("Track order");
  }

  @Test
  void anEventOfAnotherKindAndCommentChangesAreUnparsed() {
    String body =
        """
        { "object": "instagram", "entry": [
          { "id": "1", "time": 1, "messaging": [
            { "sender": {"id": "a"}, "recipient": {"id": "b"}, "timestamp": 1764583200123,
              "referral": {"ref": "ad"} } ] },
          { "id": "1", "time": 1, "changes": [ { "field": "comments", "value": {} } ] } ] }""";

    ParseResult.Webhook webhook = (ParseResult.Webhook) parser.parse(utf8(body), Instant.EPOCH);

    assertThat(webhook.unparsed())
        .containsExactly(
            "entry[0].messaging[0]: none of message, read, reaction, postback",
            "entry[1].changes: Instagram changes are not handled");
  }

  private ParseResult.Webhook webhook(String sender, String recipient, String event) {
    String body = Payloads.instagram(sender, recipient, AT, event);
    return (ParseResult.Webhook) parser.parse(utf8(body), Instant.EPOCH);
  }
}
