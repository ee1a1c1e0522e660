package dev.orderflow.ingest.intake;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Where the Avro reader finds the schema a record was written with, by its registry id.
 * Implementations answer empty only when the registry says the id does not exist; when the registry
 * cannot be reached they throw {@link WriterSchemaUnavailableException}, because that is not the
 * vendor's fault and must not turn into a rejection.
 */
@FunctionalInterface
public interface WriterSchemas {
  Optional<Schema> byId(int schemaId);
}
