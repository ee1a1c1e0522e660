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
    CountingRegistry down =
        new CountingRegistry(new InMemorySchemaRegistry()) {
          @Override
          public Schema schemaById(int id) {
            calls.incrementAndGet();
            throw new SchemaRegistryException("connection refused", 0, 0, null);
          }
        };

    assertThatThrownBy(() -> new RegistryWriterSchemas(down).byId(7))
        .isInstanceOf(WriterSchemaUnavailableException.class)
        .hasMessageContaining("schema id 7");
    assertThat(down.calls.get()).isEqualTo(3);
  }

  /** Counts schemaById calls and delegates everything to a real in-memory registry. */
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
