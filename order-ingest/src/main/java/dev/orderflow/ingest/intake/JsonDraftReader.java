package dev.orderflow.ingest.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.orderflow.ingest.validation.DraftItem;
import dev.orderflow.ingest.validation.DraftOrder;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.schema.SubmissionFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON form (submitted-order.schema.json) into a draft. Field-level trouble (wrong type,
 * unknown field, unreadable timestamp) is recorded as a problem and reading goes on, so the vendor
 * hears about every field at once. Fields are extracted by hand rather than bound to a class,
 * because binding stops at the first mismatch and would lose the field paths.
 */
final class JsonDraftReader {
  private static final Set<String> ORDER_FIELDS =
      Set.of(
          "vendorId",
          "orderId",
          "buyerId",
          "currency",
          "items",
          "totalMinor",
          "submittedAt",
          "note");
  private static final Set<String> ITEM_FIELDS =
      Set.of("sku", "name", "quantity", "unitPriceMinor");

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  ParseResult read(byte[] value, int start) {
    int length = value.length - start;
    StrictUtf8.Decoded decoded = StrictUtf8.decode(value, start, length);
    JsonNode root;
    try {
      // Valid UTF-8 is parsed from the bytes (Jackson's fastest path); invalid UTF-8 is parsed
      // from its lenient decoding, so that the fields holding U+FFFD can be named.
      root =
          decoded.ok()
              ? mapper.readTree(value, start, length)
              : mapper.readTree(StrictUtf8.lenient(value, start, length));
    } catch (JsonProcessingException e) {
      return malformed(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("reading from memory cannot fail", e);
    }
    if (root == null || !root.isObject()) {
      return unreadable(ReasonCode.MALFORMED_JSON, "The record is not a JSON object.");
    }
    int invalidAt = decoded.ok() ? -1 : start + decoded.invalidAt();
    JsonFields fields = new JsonFields(invalidAt);
    DraftOrder draft = draft(root, fields);
    return new ParseResult.Readable(draft, SubmissionFormat.JSON, null);
  }

  private static DraftOrder draft(JsonNode root, JsonFields fields) {
    fields.rejectUnknown(root, "", ORDER_FIELDS);
    String vendorId = fields.text(root, "vendorId");
    String orderId = fields.text(root, "orderId");
    String buyerId = fields.text(root, "buyerId");
    String currency = fields.text(root, "currency");
    List<DraftItem> items = items(root.get("items"), fields);
    Long total = fields.integer(root, "totalMinor", "totalMinor");
    var submittedAt = fields.timestamp(root, "submittedAt");
    String note = fields.text(root, "note");
    fields.reportUnattributedUtf8();
    return new DraftOrder(
        vendorId, orderId, buyerId, currency, items, total, submittedAt, note, fields.problems());
  }

  private static List<DraftItem> items(JsonNode node, JsonFields fields) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      fields.wrongType("items", "an array of items", node);
      return null;
    }
    List<DraftItem> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(item(node.get(i), "items[" + i + "]", fields));
    }
    return items;
  }

  private static DraftItem item(JsonNode node, String path, JsonFields fields) {
    if (!node.isObject()) {
      fields.wrongType(path, "an object", node);
      return null;
    }
    fields.rejectUnknown(node, path + ".", ITEM_FIELDS);
    return new DraftItem(
        fields.text(node, "sku", path + ".sku"),
        fields.text(node, "name", path + ".name"),
        fields.integer(node, "quantity", path + ".quantity"),
        fields.integer(node, "unitPriceMinor", path + ".unitPriceMinor"));
  }

  private static ParseResult malformed(JsonProcessingException e) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return unreadable(
        ReasonCode.MALFORMED_JSON,
        "The record is not valid JSON" + where + ": " + e.getOriginalMessage());
  }

  private static ParseResult unreadable(ReasonCode code, String message) {
    return new ParseResult.Unreadable(
        List.of(Reason.ofRecord(code, message)), SubmissionFormat.JSON, null);
  }
}
