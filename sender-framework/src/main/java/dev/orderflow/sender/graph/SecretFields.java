package dev.orderflow.sender.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one field of the shared credentials secret, naming the field (never its value) on error.
 */
public final class SecretFields {
  private SecretFields() {}

  public static String required(JsonNode secret, String field) {
    JsonNode value = secret == null ? null : secret.get(field);
    // Ids are strings in Graph's JSON, but a hand-written secret may hold them as numbers.
    boolean usable = value != null && (value.isTextual() || value.isIntegralNumber());
    if (!usable || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          field + ": expected a non-empty string in the credentials secret");
    }
    return value.asText().strip();
  }
}
