package dev.orderflow.common.contracts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;

/**
 * The contracts a service declares while it is built ({@code context.contracts().writes(topic,
 * OrderCreated.getClassSchema())}); the launcher checks them before it starts the service.
 */
public final class Contracts {
  private final List<Contract> declared = new CopyOnWriteArrayList<>();

  /** The service produces records of {@code schema} to {@code topic}. */
  public Contracts writes(String topic, Schema schema) {
    declared.add(Contract.writes(topic, schema));
    return this;
  }

  /** The service consumes {@code topic} and decodes its records into {@code schema}. */
  public Contracts reads(String topic, Schema schema) {
    declared.add(Contract.reads(topic, schema));
    return this;
  }

  public List<Contract> list() {
    return List.copyOf(declared);
  }
}
