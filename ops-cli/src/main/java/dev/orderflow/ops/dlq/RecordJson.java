package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.apache.kafka.common.header.Header;

/** {@code show --json}: the record, its diagnosis, headers and value as one JSON object. */
final class RecordJson {
  private static final ObjectMapper JSON = TerminalText.JSON;

  private RecordJson() {}

  static String of(DeadLetter letter, boolean reveal) {
    ObjectNode root = JSON.valueToTree(LetterFields.of(letter));
    root.put("time", letter.timestamp().toString());
    root.put("kind", letter.kind().name());
    root.put("service", letter.service());
    root.put("original", letter.original() == null ? null : letter.original().toString());
    ArrayNode headers = root.putArray("headers");
    for (Header header : letter.record().headers()) {
      HeaderValue value = HeaderValue.of(header.value());
      ObjectNode node = headers.addObject().put("name", header.key()).put("form", value.form());
      node.put("display", value.display());
      if (value.number() != null) {
        node.put("number", value.number());
      }
      if (header.value() != null) {
        node.put("base64", Base64.getEncoder().encodeToString(header.value()));
      }
    }
    root.set("value", value(letter.value(), reveal));
    return root.toString();
  }

  private static ObjectNode value(DecodedValue value, boolean reveal) {
    ObjectNode node = JSON.createObjectNode();
    switch (value) {
      case DecodedValue.Avro avro ->
          node.put("format", "avro")
              .put("schemaId", avro.schemaId())
              .put("schema", avro.schemaName())
              .set("data", reveal ? avro.json() : Recipients.masked(avro.json()));
      case DecodedValue.Json json ->
          node.put("format", "json")
              .set("data", reveal ? json.json() : Recipients.masked(json.json()));
      case DecodedValue.Undecodable u ->
          node.put("format", "bytes")
              .put("reason", u.reason())
              .put("base64", Base64.getEncoder().encodeToString(u.bytes()));
      case DecodedValue.Absent a -> node.put("format", "null");
    }
    return node;
  }
}
