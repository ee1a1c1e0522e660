package dev.orderflow.common.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry in memory, for tests that have none (TopologyTestDriver, unit tests). It keeps the
 * real registry's rules that callers can observe: global ids shared across subjects, idempotent
 * registration, 404s with Confluent's error codes, and compatibility enforced on register.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private final CompatibilityLevel defaultLevel;
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();
  private final Map<String, CompatibilityLevel> levels = new HashMap<>();

  public InMemorySchemaRegistry() {
    this(CompatibilityLevel.BACKWARD);
  }

  public InMemorySchemaRegistry(CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(schema)) {
      if (!isCompatible(subject, schema)) {
        throw new SchemaRegistryException(
            "schema is incompatible with an earlier version of " + subject, 409, 409, null);
      }
      versions.add(schema);
    }
    return idsBySchema.computeIfAbsent(
        schema,
        s -> {
          int id = idsBySchema.size() + 1;
          schemasById.put(id, s);
          return id;
        });
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw notFound("schema id " + id, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  @Override
  public synchronized int idOf(String subject, Schema schema) {
    if (!versions(subject).contains(schema)) {
      throw notFound("schema in " + subject, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return idsBySchema.get(schema);
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Schema> versions = versions(subject);
    Schema schema = versions.getLast();
    return new RegisteredSchema(subject, idsBySchema.get(schema), versions.size(), schema);
  }

  @Override
  public synchronized boolean isCompatible(String subject, Schema schema) {
    List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
    if (versions.isEmpty()) {
      return true;
    }
    CompatibilityLevel level = levels.getOrDefault(subject, defaultLevel);
    List<Schema> checked = level.transitive() ? versions : List.of(versions.getLast());
    return checked.stream()
        .allMatch(
            old ->
                (!level.checksBackward() || canRead(schema, old))
                    && (!level.checksForward() || canRead(old, schema)));
  }

  @Override
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    levels.put(subject, level);
  }

  private List<Schema> versions(String subject) {
    List<Schema> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw notFound("subject " + subject, SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    return versions;
  }

  private static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibilityType.COMPATIBLE;
  }

  private static SchemaRegistryException notFound(String what, int errorCode) {
    return new SchemaRegistryException("in-memory registry: no " + what, 404, errorCode, null);
  }
}
