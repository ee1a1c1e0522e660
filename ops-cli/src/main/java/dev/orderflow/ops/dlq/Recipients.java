package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.logging.Redact;

/**
 * Masks the buyer's address ({@code recipient}: a phone number or an Instagram-scoped id) in what
 * the tool prints, as the services' logs do; {@code show --reveal} prints it whole when an operator
 * needs it.
 */
final class Recipients {
  static final String FIELD = "recipient";

  private Recipients() {}

  static JsonNode masked(JsonNode tree) {
    if (tree == null || !tree.isObject() || !tree.hasNonNull(FIELD)) {
      return tree;
    }
    ObjectNode copy = tree.deepCopy();
    copy.put(FIELD, Redact.phone(tree.get(FIELD).asText()));
    return copy;
  }
}
