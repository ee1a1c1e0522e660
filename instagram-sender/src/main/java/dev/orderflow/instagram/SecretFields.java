package dev.orderflow.instagram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one field of the shared credentials secret, naming the field (never its value) on error.
 */
final class SecretFields {
  private SecretFields() {}

  static String required(JsonNode secret, String field) {
    JsonNode value = secret == null ? null : secret.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          field + ": expected a non-empty string in the credentials secret");
    }
    return value.asText().strip();
  }
}
