package dev.orderflow.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.CompatibilityLevel;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.registry.RegisteredSchema;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.schema.SubmittedOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RegistryWriterSchemasTest {

  @Test
  void aRegisteredIdGivesItsSchema() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    int id = registry.register("orders.submitted.v1-value", SubmittedOrder.getClassSchema());

    assertThat(new RegistryWriterSchemas(registry).byId(id)).contains(registry.schemaById(id));
  }

  @Test
  void anUnknownIdIsEmptyAndNotAskedForAgainAtOnce() {
    CountingRegistry registry = new CountingRegistry(new InMemorySchemaRegistry());
    RegistryWriterSchemas schemas = new RegistryWriterSchemas(registry);

    assertThat(schemas.byId(404)).isEmpty();
    assertThat(schemas.byId(404)).isEmpty();
    assertThat(registry.calls.get()).isEqualTo(1);
  }

  @Test
  void aRegistryThatDoesNotAnswerIsAnOutageNotAnUnknownId() {
    CountingRegistry down = unanswering("connection refused", 0);

    assertThatThrownBy(() -> new RegistryWriterSchemas(down).byId(7))
        .isInstanceOf(WriterSchemaUnavailableException.class)
        .hasMessageContaining("schema id 7");
    assertThat(down.calls.get()).isEqualTo(3);
  }

  @Test
  void anOutageIsAskedAboutAgainAfterJitteredGrowingPausesButNotAfterTheLastAttempt() {
    CountingRegistry down = unanswering("service unavailable", 503);
    List<Duration> pauses = new ArrayList<>();
    RegistryWriterSchemas schemas =
        new RegistryWriterSchemas(down, RegistryWriterSchemas.BACKOFF, pauses::add);

    assertThatThrownBy(() -> schemas.byId(9)).isInstanceOf(WriterSchemaUnavailableException.class);

    assertThat(down.calls.get()).isEqualTo(RegistryWriterSchemas.ATTEMPTS);
    assertThat(pauses).hasSize(RegistryWriterSchemas.ATTEMPTS - 1);
    assertThat(pauses.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(pauses.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void anInterruptedPauseReportsTheOutageAtOnce() {
    CountingRegistry down = unanswering("connection refused", 0);
    RegistryWriterSchemas schemas =
        new RegistryWriterSchemas(
            down,
            RegistryWriterSchemas.BACKOFF,
            d -> {
              throw new InterruptedException("stopping");
            });

    try {
      assertThatThrownBy(() -> schemas.byId(9))
          .isInstanceOf(WriterSchemaUnavailableException.class);
      assertThat(down.calls.get()).isEqualTo(1);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** Counts schemaById calls and delegates everything to a real in-memory registry. */
  /** A registry that fails every lookup as an outage would, with {@code httpStatus} (0: none). */
  private static CountingRegistry unanswering(String message, int httpStatus) {
    return new CountingRegistry(new InMemorySchemaRegistry()) {
      @Override
      public Schema schemaById(int id) {
        calls.incrementAndGet();
        throw new SchemaRegistryException(message, httpStatus, 0, null);
      }
    };
  }

  private static class CountingRegistry implements SchemaRegistry {
    final AtomicInteger calls = new AtomicInteger();
    private final SchemaRegistry delegate;

    CountingRegistry(SchemaRegistry delegate) {
      this.delegate = delegate;
    }

    @Override
    public Schema schemaById(int id) {
      calls.incrementAndGet();
      return delegate.schemaById(id);
    }

    @Override
    public int register(String subject, Schema schema) {
      return delegate.register(subject, schema);
    }

    @Override
    public int idOf(String subject, Schema schema) {
      return delegate.idOf(subject, schema);
    }

    @Override
    public RegisteredSchema latest(String subject) {
      return delegate.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
      return delegate.isCompatible(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
      delegate.setCompatibility(subject, level);
    }
  }
}
