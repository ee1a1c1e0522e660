package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A message the simulator accepted, as {@code GET /_sim/messages} lists it.
 *
 * @param recipient WhatsApp number without '+', or the Instagram-scoped id
 * @param type {@code template} or {@code text}
 * @param parameters the template's body parameters as sent (text, currency, date_time objects)
 * @param tokenSuffix the last 4 characters of the access token the call carried
 * @param bizOpaqueCallbackData what a WhatsApp send carried as biz_opaque_callback_data (echoed in
 *     its status webhooks), or null
 */
public record DeliveredMessage(
    String id,
    Platform platform,
    String account,
    String recipient,
    String type,
    String templateName,
    String language,
    List<JsonNode> parameters,
    String text,
    Instant receivedAt,
    String tokenSuffix,
    String bizOpaqueCallbackData) {

  /** A message sent without biz_opaque_callback_data. */
  public DeliveredMessage(
      String id,
      Platform platform,
      String account,
      String recipient,
      String type,
      String templateName,
      String language,
      List<JsonNode> parameters,
      String text,
      Instant receivedAt,
      String tokenSuffix) {
    this(
        id,
        platform,
        account,
        recipient,
        type,
        templateName,
        language,
        parameters,
        text,
        receivedAt,
        tokenSuffix,
        null);
  }
}
