package dev.orderflow.common.serde;

import static dev.orderflow.common.serde.WireFormatException.Kind.INCOMPATIBLE_SCHEMA;
import static dev.orderflow.common.serde.WireFormatException.Kind.REGISTRY_UNAVAILABLE;
import static dev.orderflow.common.serde.WireFormatException.Kind.SCHEMA_NOT_REGISTERED;

import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import java.util.OptionalInt;
import org.apache.avro.Schema;

/** The id a writer schema has under a topic's subject: registered on demand, or looked up. */
final class WriterSchemaIds {
  private final SchemaRegistry registry;
  private final AvroSerdeConfig config;

  WriterSchemaIds(SchemaRegistry registry, AvroSerdeConfig config) {
    this.registry = registry;
    this.config = config;
  }

  /** Registry answers are cached by the client, so this is a map lookup after the first record. */
  int idFor(String topic, Schema schema) {
    String subject = config.subject(topic);
    try {
      return config.autoRegister()
          ? registry.register(subject, WireSchemas.of(schema))
          : registry.idOf(subject, WireSchemas.of(schema));
    } catch (SchemaRegistryException e) {
      throw translate(topic, subject, schema, e);
    }
  }

  private WireFormatException translate(
      String topic, String subject, Schema schema, SchemaRegistryException e) {
    String name = schema.getFullName();
    if (!config.autoRegister() && e.isNotFound()) {
      return fail(
          SCHEMA_NOT_REGISTERED,
          topic,
          "schema %s is not registered under subject %s and auto-registration is off; register it first (%s)"
              .formatted(name, subject, e.getMessage()),
          e);
    }
    if (e.status() == 409 || e.status() == 422) {
      return fail(
          INCOMPATIBLE_SCHEMA,
          topic,
          "the registry refused schema %s for subject %s: %s"
              .formatted(name, subject, e.getMessage()),
          e);
    }
    return fail(
        REGISTRY_UNAVAILABLE,
        topic,
        "could not get the id of schema %s under subject %s: %s"
            .formatted(name, subject, e.getMessage()),
        e);
  }

  private static WireFormatException fail(
      WireFormatException.Kind kind, String topic, String detail, Throwable cause) {
    return new WireFormatException(kind, topic, OptionalInt.empty(), detail, cause);
  }
}
