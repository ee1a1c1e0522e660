package dev.orderflow.ingest.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.ingest.intake.WriterSchemas;
import java.time.Duration;
import java.util.Optional;
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
  static final int ATTEMPTS = 3;

  /**
   * 200 ms, then 400 ms, half jittered: every stream thread of every instance meets the same
   * outage, and they should not ask again in step.
   */
  static final Backoff BACKOFF =
      Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(2)).withJitter(0.5);

  private final SchemaRegistry registry;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final Cache<Integer, Boolean> unknown =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

  public RegistryWriterSchemas(SchemaRegistry registry) {
    this(registry, BACKOFF, Sleeper.REAL);
  }

  RegistryWriterSchemas(SchemaRegistry registry, Backoff backoff, Sleeper sleeper) {
    this.registry = registry;
    this.backoff = backoff;
    this.sleeper = sleeper;
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
        if (attempt < ATTEMPTS && !pause(attempt)) {
          break;
        }
      }
    }
    throw new WriterSchemaUnavailableException(
        "schema registry unavailable for schema id " + schemaId, last);
  }

  /** False when interrupted: the thread is being stopped, so the outage is reported at once. */
  private boolean pause(int retry) {
    try {
      sleeper.sleep(backoff.pauseBefore(retry));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
