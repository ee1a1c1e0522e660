package dev.orderflow.common.serde;

import dev.orderflow.common.registry.CompatibilityLevel;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.registry.RegisteredSchema;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** An in-memory registry that counts schema fetches and can be made to fail like a dead one. */
final class CountingRegistry implements SchemaRegistry {
  final InMemorySchemaRegistry delegate = new InMemorySchemaRegistry();
  final AtomicInteger schemaByIdCalls = new AtomicInteger();
  private volatile SchemaRegistryException failure;

  void failWith(SchemaRegistryException failure) {
    this.failure = failure;
  }

  private void maybeFail() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public int register(String subject, Schema schema) {
    maybeFail();
    return delegate.register(subject, schema);
  }

  @Override
  public Schema schemaById(int id) {
    schemaByIdCalls.incrementAndGet();
    maybeFail();
    return delegate.schemaById(id);
  }

  @Override
  public int idOf(String subject, Schema schema) {
    maybeFail();
    return delegate.idOf(subject, schema);
  }

  @Override
  public RegisteredSchema latest(String subject) {
    maybeFail();
    return delegate.latest(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    maybeFail();
    return delegate.isCompatible(subject, schema);
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    maybeFail();
    delegate.setCompatibility(subject, level);
  }
}
