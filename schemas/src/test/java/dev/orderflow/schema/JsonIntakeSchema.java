package dev.orderflow.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema of the JSON intake, loaded from the jar as services will load it. */
final class JsonIntakeSchema {
  static final String RESOURCE = "/json/submitted-order.schema.json";

  private final JsonSchema schema;

  private JsonIntakeSchema(JsonSchema schema) {
    this.schema = schema;
  }

  static JsonIntakeSchema load() {
    // Draft 2020-12 treats "format" as an annotation unless assertions are switched on.
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = JsonIntakeSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new JsonIntakeSchema(
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every violation as "JSON pointer: message"; empty when the document is valid. */
  List<String> validate(JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
