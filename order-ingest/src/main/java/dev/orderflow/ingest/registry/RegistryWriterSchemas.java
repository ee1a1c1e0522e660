package dev.orderflow.ingest.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.ingest.intake.WriterSchemas;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writer schemas from the registry. Ids never change meaning, so found schemas are kept for good;
 * unknown ids are remembered for a minute, so a flood of garbage with random ids does not become a
 * flood of registry calls. A failing registry is retried briefly, then reported as unavailable.
 */
public final class RegistryWriterSchemas implements WriterSchemas {
  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryWriterSchemas.class);
  private static final int ATTEMPTS = 3;
  private static final long FIRST_BACKOFF_MS = 200;

  private final RegistryClient registry;
  private final Map<Integer, Schema> known = new ConcurrentHashMap<>();
  private final Cache<Integer, Boolean> unknown =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  public RegistryWriterSchemas(RegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public Optional<Schema> byId(int schemaId) {
    Schema schema = known.get(schemaId);
    if (schema != null) {
      return Optional.of(schema);
    }
    if (unknown.getIfPresent(schemaId) != null) {
      return Optional.empty();
    }
    Optional<Schema> fetched = fetch(schemaId);
    fetched.ifPresentOrElse(s -> known.put(schemaId, s), () -> unknown.put(schemaId, true));
    return fetched;
  }

  private Optional<Schema> fetch(int schemaId) {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return registry.schemaById(schemaId);
      } catch (IOException e) {
        last = e;
        LOGGER.warn(
            "schema registry call failed schemaId={} attempt={}: {}",
            schemaId,
            attempt,
            e.toString());
        pause(FIRST_BACKOFF_MS << (attempt - 1));
      }
    }
    throw new WriterSchemaUnavailableException(
        "schema registry unavailable for id " + schemaId, last);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
