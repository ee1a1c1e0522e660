package dev.orderflow.common.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The schema as it is registered: the generated classes' schemas carry Java-only hints
 * (avro.java.string) that are not part of the contract. Registering them would make the subject
 * differ from the .avsc that provisioning registers, so a production lookup would miss; this is
 * what Confluent's serializer does with avro.remove.java.properties.
 */
public final class WireSchemas {
  private static final String JAVA_STRING_HINT = "avro.java.string";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Schema, Schema> CACHE = new ConcurrentHashMap<>();

  private WireSchemas() {}

  /** The schema without Java-only hints: the form registered and looked up under a subject. */
  public static Schema of(Schema schema) {
    return CACHE.computeIfAbsent(schema, WireSchemas::withoutJavaHints);
  }

  private static Schema withoutJavaHints(Schema schema) {
    String text = schema.toString();
    if (!text.contains(JAVA_STRING_HINT)) {
      return schema;
    }
    try {
      JsonNode tree = JSON.readTree(text);
      strip(tree);
      return new Schema.Parser().parse(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite schema " + schema.getFullName(), e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(JAVA_STRING_HINT);
    }
    node.forEach(WireSchemas::strip);
  }
}
