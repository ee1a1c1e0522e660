package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a record value turned out to be; only {@link Avro} and {@link Json} replay without --raw.
 */
sealed interface DecodedValue {
  /** Confluent wire format, decoded with the writer schema the registry holds under the id. */
  record Avro(int schemaId, String schemaName, JsonNode json) implements DecodedValue {}

  /** JSON text. */
  record Json(JsonNode json) implements DecodedValue {}

  /** Neither: the bytes and why they could not be read. */
  record Undecodable(String reason, byte[] bytes) implements DecodedValue {}

  /** A null value (a tombstone). */
  record Absent() implements DecodedValue {}

  /** The decoded tree, or null when there is none. */
  default JsonNode tree() {
    return switch (this) {
      case Avro avro -> avro.json();
      case Json json -> json.json();
      case Undecodable u -> null;
      case Absent a -> null;
    };
  }

  /** The named top-level field as text (an object or array as JSON), or null when absent. */
  default String field(String name) {
    return field(tree(), name);
  }

  /** The same for any tree: the one way the ops tool reads a field out of a record value. */
  static String field(JsonNode tree, String name) {
    JsonNode node = tree == null ? null : tree.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isContainerNode() ? node.toString() : node.asText();
  }

  default boolean decodable() {
    return this instanceof Avro || this instanceof Json;
  }

  /** A short label for tables and refusals: {@code avro NotificationRequested#3}, {@code json}… */
  default String label() {
    return switch (this) {
      case Avro avro -> "avro " + avro.schemaName() + " (schema id " + avro.schemaId() + ")";
      case Json json -> "json";
      case Undecodable u -> "undecodable: " + u.reason();
      case Absent a -> "null value";
    };
  }
}
