package dev.orderflow.webhooks.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** Reading Meta's loosely typed fields: ids as strings, times as seconds or milliseconds. */
final class JsonFields {
  private static final int MAX_SHOWN = 40;

  private JsonFields() {}

  /** A non-blank string (or integral number, which Meta uses for some ids), else empty. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (value.isTextual() && !value.asText().isBlank()) {
      return Optional.of(value.asText());
    }
    return value.isIntegralNumber() ? Optional.of(value.asText()) : Optional.empty();
  }

  static String textOrNull(JsonNode node, String field) {
    return text(node, field).orElse(null);
  }

  /** WhatsApp's {@code timestamp}: epoch seconds, as a string or a number. */
  static Optional<Instant> epochSeconds(JsonNode node, String field) {
    return epochLong(node.path(field)).map(Instant::ofEpochSecond);
  }

  /** Instagram's {@code timestamp}: epoch milliseconds. */
  static Optional<Instant> epochMillis(JsonNode node, String field) {
    return epochLong(node.path(field)).map(Instant::ofEpochMilli);
  }

  /**
   * A value quoted in a reason: cut short, and only letters, digits and {@code _.-} kept, so that
   * nothing a buyer wrote (or a phone number) reaches a header or a log line.
   */
  static String shown(String value) {
    String safe = value.replaceAll("[^A-Za-z0-9_.-]", "?");
    return "'" + (safe.length() > MAX_SHOWN ? safe.substring(0, MAX_SHOWN) + "…" : safe) + "'";
  }

  private static Optional<Long> epochLong(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
      return Optional.of(value.asLong());
    }
    if (value.isTextual() && value.asText().matches("[1-9][0-9]{0,15}")) {
      return Optional.of(Long.parseLong(value.asText()));
    }
    return Optional.empty();
  }
}
