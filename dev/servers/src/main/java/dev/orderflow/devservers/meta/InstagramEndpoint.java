package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /{version}/{ig-id or page-id}/messages}: text messages, on either the Instagram-login
 * or the Facebook-page path (the account id decides, not the host).
 */
final class InstagramEndpoint implements MessageEndpoint {

  private static final int MAX_TEXT_BYTES = 1000;
  private static final Set<String> MESSAGING_TYPES = Set.of("RESPONSE", "UPDATE", "MESSAGE_TAG");

  private final SendRules rules;

  InstagramEndpoint(SendRules rules) {
    this.rules = rules;
  }

  @Override
  public Reply send(SendRequest request) throws InterruptedException {
    JsonNode body = request.body();
    String recipient = body.path("recipient").path("id").asText("");
    if (recipient.isBlank()) {
      throw invalid(100, "The parameter recipient is required: {\"recipient\":{\"id\":<IGSID>}}");
    }
    JsonNode text = body.path("message").path("text");
    if (!text.isTextual() || text.asText().isEmpty()) {
      throw invalid(100, "The parameter message.text is required (the simulator sends text only)");
    }
    if (text.asText().getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
      throw invalid(100, "Length of param message[text] must be less than or equal to 1000 bytes");
    }
    String messagingType = body.path("messaging_type").asText("RESPONSE");
    if (!MESSAGING_TYPES.contains(messagingType)) {
      throw invalid(100, "Param messaging_type must be one of RESPONSE, UPDATE, MESSAGE_TAG");
    }
    OutgoingMessage message =
        new OutgoingMessage(
            Platform.INSTAGRAM,
            request.account(),
            recipient,
            "text",
            text.asText(),
            null,
            null,
            List.of(),
            request.tokenSuffix(),
            null);
    return switch (rules.admit(message)) {
      case SendOutcome.Refused refused -> refused.reply();
      case SendOutcome.Delivered delivered ->
          new Reply.Ok(
              Json.MAPPER
                  .createObjectNode()
                  .put("recipient_id", recipient)
                  .put("message_id", delivered.message().id()));
    };
  }
}
