package dev.orderflow.common.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** A successful registry response and the call that produced it, for error messages. */
record RegistryAnswer(String what, JsonNode body) {

  int requiredInt(String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw RegistryErrors.unusable(
          what,
          "response has no integer '" + field + "': " + RegistryErrors.abbreviate(body.toString()));
    }
    return value.intValue();
  }

  /** The Avro schema in the "schema" field; other schema types are refused, not misread. */
  Schema avroSchema() {
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw RegistryErrors.unusable(what, "schema is " + type + ", not AVRO");
    }
    JsonNode text = body.get("schema");
    if (text == null || !text.isTextual()) {
      throw RegistryErrors.unusable(what, "response has no 'schema' text");
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          what + ": not a valid Avro schema: " + e.getMessage(), 200, 0, e);
    }
  }

  RegisteredSchema registered(String subject) {
    return new RegisteredSchema(subject, requiredInt("id"), requiredInt("version"), avroSchema());
  }
}
