package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.ops.dlq.DeadLetterReader.Diagnosis;
import dev.orderflow.ops.dlq.DeadLetterReader.Facts;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads order-ingest's rejection JSON ({@code kind}, {@code reasons[]}, {@code vendorId}, {@code
 * vendorOrderId}, {@code source}, {@code original.base64}).
 */
final class Rejections {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Rejections() {}

  static Diagnosis diagnosis(JsonNode tree, String reasonHeader) {
    if (tree == null || !tree.isObject()) {
      return new Diagnosis(null, reasonHeader, null, null);
    }
    JsonNode reasons = tree.path("reasons");
    String message = reasons.path(0).path("message").asText(null);
    if (message != null && reasons.size() > 1) {
      message += " (+" + (reasons.size() - 1) + " more)";
    }
    String code = reasonHeader != null ? reasonHeader : reasons.path(0).path("code").asText(null);
    JsonNode source = tree.path("source");
    return new Diagnosis(
        DecodedValue.field(tree, "kind"),
        code,
        message,
        DeadLetterReader.coordinates(
            DecodedValue.field(source, "topic"),
            source.path("partition").canConvertToLong() ? source.path("partition").asLong() : null,
            source.path("offset").canConvertToLong() ? source.path("offset").asLong() : null));
  }

  static Facts facts(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return new Facts(null, null, null, null);
    }
    String vendor = DecodedValue.field(tree, "vendorId");
    String vendorOrder = DecodedValue.field(tree, "vendorOrderId");
    String orderId = vendor != null && vendorOrder != null ? vendor + ":" + vendorOrder : null;
    return new Facts(orderId, buyerOf(tree), null, DecodedValue.field(tree, "correlationId"));
  }

  /** The buyer, when the submitted bytes were JSON; Avro submissions are not decoded here. */
  private static String buyerOf(JsonNode tree) {
    String base64 = DecodedValue.field(tree.path("original"), "base64");
    if (base64 == null) {
      return null;
    }
    try {
      byte[] original = Base64.getDecoder().decode(base64);
      if (original.length == 0 || original[0] != '{') {
        return null;
      }
      return DecodedValue.field(JSON.readTree(original), "buyerId");
    } catch (IOException | IllegalArgumentException e) {
      return null; // a rejection of unreadable bytes: there is no buyer to name
    }
  }
}
