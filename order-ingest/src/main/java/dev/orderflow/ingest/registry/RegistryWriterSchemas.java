package dev.orderflow.ingest.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.ingest.intake.WriterSchemas;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writer schemas from the registry (whose client caches found schemas for good). Unknown ids are
 * remembered for a minute, so a flood of garbage with random ids is not a flood of registry calls.
 * A registry that does not answer is retried briefly, then reported as unavailable: that is an
 * outage to wait out, not a reason to reject the vendor's order.
 */
public final class RegistryWriterSchemas implements WriterSchemas {
  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryWriterSchemas.class);
  private static final int ATTEMPTS = 3;
  private static final long FIRST_BACKOFF_MS = 200;

  private final SchemaRegistry registry;
  private final Cache<Integer, Boolean> unknown =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  public RegistryWriterSchemas(SchemaRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Optional<Schema> byId(int schemaId) {
    if (unknown.getIfPresent(schemaId) != null) {
      return Optional.empty();
    }
    SchemaRegistryException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return Optional.of(registry.schemaById(schemaId));
      } catch (SchemaRegistryException e) {
        if (e.isNotFound()) {
          unknown.put(schemaId, Boolean.TRUE);
          return Optional.empty();
        }
        last = e;
        LOGGER.warn(
            "schema registry call failed schemaId={} attempt={} status={}: {}",
            schemaId,
            attempt,
            e.status(),
            e.getMessage());
        pause(FIRST_BACKOFF_MS << (attempt - 1));
      }
    }
    throw new WriterSchemaUnavailableException(
        "schema registry unavailable for schema id " + schemaId, last);
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
