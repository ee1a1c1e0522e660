package dev.orderflow.common.secrets;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one field of a JSON secret, naming the field (never its value) on error. */
public final class SecretFields {
  private SecretFields() {}

  /**
   * The field as trimmed text.
   *
   * @throws IllegalArgumentException naming the field when it is missing, blank or not a string
   */
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
