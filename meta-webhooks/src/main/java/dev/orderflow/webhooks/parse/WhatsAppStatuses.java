package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.StatusError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code value.statuses[]} item of a WhatsApp webhook: {@code id} (wamid), {@code status},
 * {@code timestamp} (seconds), {@code recipient_id}, and when present {@code errors[]}, {@code
 * pricing.category} and {@code biz_opaque_callback_data}.
 */
final class WhatsAppStatuses {
  private WhatsAppStatuses() {}

  static Mapped<DeliveryStatus> parse(JsonNode status, String businessId, Instant receivedAt) {
    Optional<String> id = JsonFields.text(status, "id");
    if (id.isEmpty()) {
      return Mapped.unmapped("no id");
    }
    String value = status.path("status").asText("");
    Optional<DeliveryState> state = state(value);
    if (state.isEmpty()) {
      return Mapped.unmapped(
          "status " + JsonFields.shown(value) + " is not one of sent, delivered, read, failed");
    }
    Optional<Instant> at = JsonFields.epochSeconds(status, "timestamp");
    if (at.isEmpty()) {
      return Mapped.unmapped("no timestamp in epoch seconds");
    }
    Optional<String> recipient = JsonFields.text(status, "recipient_id");
    if (recipient.isEmpty()) {
      return Mapped.unmapped("no recipient_id");
    }
    Optional<List<StatusError>> errors = errors(status.path("errors"));
    if (errors.isEmpty()) {
      return Mapped.unmapped("an errors[] item has no integer code");
    }
    return Mapped.event(
        DeliveryStatus.newBuilder()
            .setPlatform(Platform.WHATSAPP)
            .setMessageId(id.get())
            .setStatus(state.get())
            .setOccurredAt(at.get())
            .setRecipientId(WhatsAppIds.e164(recipient.get()))
            .setBusinessId(businessId)
            .setErrors(errors.get())
            .setPricingCategory(JsonFields.textOrNull(status.path("pricing"), "category"))
            .setBizOpaqueCallbackData(JsonFields.textOrNull(status, "biz_opaque_callback_data"))
            .setReceivedAt(receivedAt)
            .build());
  }

  private static Optional<DeliveryState> state(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "sent" -> Optional.of(DeliveryState.SENT);
      case "delivered" -> Optional.of(DeliveryState.DELIVERED);
      case "read" -> Optional.of(DeliveryState.READ);
      case "failed" -> Optional.of(DeliveryState.FAILED);
      default -> Optional.empty();
    };
  }

  /** Every item mapped, or empty when one lacks the code the ledger and dead letters key on. */
  private static Optional<List<StatusError>> errors(JsonNode errors) {
    List<StatusError> mapped = new ArrayList<>();
    for (JsonNode error : errors) {
      JsonNode code = error.path("code");
      if (!code.isIntegralNumber() || !code.canConvertToInt()) {
        return Optional.empty();
      }
      mapped.add(
          StatusError.newBuilder()
              .setCode(code.asInt())
              .setTitle(JsonFields.textOrNull(error, "title"))
              .setMessage(JsonFields.textOrNull(error, "message"))
              .setDetails(JsonFields.textOrNull(error.path("error_data"), "details"))
              .setHref(JsonFields.textOrNull(error, "href"))
              .build());
    }
    return Optional.of(mapped);
  }
}
