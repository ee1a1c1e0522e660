package dev.orderflow.common.serde;

import static dev.orderflow.common.serde.WireFormatException.Kind.INCOMPATIBLE_SCHEMA;
import static dev.orderflow.common.serde.WireFormatException.Kind.REGISTRY_UNAVAILABLE;
import static dev.orderflow.common.serde.WireFormatException.Kind.UNKNOWN_SCHEMA_ID;

import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.io.DatumReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One resolving reader per writer schema id, built on first sight after checking that the reader
 * schema can read the writer's data, so a bad schema fails with a reason instead of mid-decode.
 */
final class DatumReaders<T> {
  private static final Logger LOGGER = LoggerFactory.getLogger(DatumReaders.class);
  private final SchemaRegistry registry;
  private final ReaderModel<T> model;
  private final Map<Integer, DatumReader<T>> byWriterId = new ConcurrentHashMap<>();

  DatumReaders(SchemaRegistry registry, ReaderModel<T> model) {
    this.registry = registry;
    this.model = model;
  }

  DatumReader<T> forWriter(String topic, int schemaId) {
    DatumReader<T> cached = byWriterId.get(schemaId);
    if (cached != null) {
      return cached;
    }
    // Not computeIfAbsent: the registry call must not run while holding a map bin lock.
    DatumReader<T> built = build(topic, schemaId, writerSchema(topic, schemaId));
    DatumReader<T> raced = byWriterId.putIfAbsent(schemaId, built);
    return raced != null ? raced : built;
  }

  private Schema writerSchema(String topic, int schemaId) {
    try {
      return registry.schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw fail(
            UNKNOWN_SCHEMA_ID, topic, schemaId, "the registry has no schema with this id", e);
      }
      if (e.status() / 100 == 2) {
        // It answered, but with something that is not a usable Avro schema.
        throw fail(INCOMPATIBLE_SCHEMA, topic, schemaId, e.getMessage(), e);
      }
      throw fail(
          REGISTRY_UNAVAILABLE,
          topic,
          schemaId,
          "cannot fetch the writer schema: " + e.getMessage(),
          e);
    }
  }

  private DatumReader<T> build(String topic, int schemaId, Schema writer) {
    if (writer.getType() != Schema.Type.RECORD) {
      throw fail(
          INCOMPATIBLE_SCHEMA,
          topic,
          schemaId,
          "writer schema is a " + writer.getType() + ", not a record",
          null);
    }
    Schema reader = model.readerSchema(writer);
    SchemaPairCompatibility check =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      String reasons =
          check.getResult().getIncompatibilities().stream()
              .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
              .toList()
              .toString();
      throw fail(
          INCOMPATIBLE_SCHEMA,
          topic,
          schemaId,
          "writer schema %s cannot be read as %s: %s"
              .formatted(writer.getFullName(), model.describe(), reasons),
          null);
    }
    LOGGER.info(
        "first record with writer schema topic={} schemaId={} name={} readAs={}",
        topic,
        schemaId,
        writer.getFullName(),
        model.describe());
    return model.datumReader(writer, reader);
  }

  private static WireFormatException fail(
      WireFormatException.Kind kind, String topic, int schemaId, String detail, Throwable cause) {
    return new WireFormatException(kind, topic, OptionalInt.of(schemaId), detail, cause);
  }
}
