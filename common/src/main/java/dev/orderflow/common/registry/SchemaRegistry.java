package dev.orderflow.common.registry;

import org.apache.avro.Schema;

/**
 * The schema-registry operations the pipeline uses, as the Confluent REST API defines them. Every
 * failure is a {@link SchemaRegistryException} carrying the HTTP status and the registry's
 * error_code. {@link SchemaRegistryClient} is the HTTP implementation; {@link
 * InMemorySchemaRegistry} stands in for it in tests that have no registry.
 */
public interface SchemaRegistry {

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id; ids never change meaning, so callers may cache freely. */
  Schema schemaById(int id);

  /** The id under which this exact schema is registered in the subject; 404 when it is not. */
  int idOf(String subject, Schema schema);

  /** The newest version registered in the subject; 404 when the subject has none. */
  RegisteredSchema latest(String subject);

  /**
   * Whether the subject's compatibility rule accepts the schema as its next version. A subject with
   * no versions yet accepts any schema.
   */
  boolean isCompatible(String subject, Schema schema);

  /** Sets the subject's own compatibility rule. */
  void setCompatibility(String subject, CompatibilityLevel level);
}
