package dev.orderflow.webhooks.publish;

import dev.orderflow.common.ops.HealthCheck;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.serde.WireSchemas;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Not ready until the registry knows this build's schema under each subject (registering it first
 * where auto-registration is on, as on the local stack), in the form the serializer uses: until
 * then every webhook would be answered 503. Once found, a subject stays found; ids never change
 * meaning.
 */
public final class ContractsReadiness implements HealthCheck {
  private final SchemaRegistry registry;
  private final boolean autoRegister;
  private final Map<String, Schema> bySubject;
  private volatile boolean found;

  public ContractsReadiness(
      SchemaRegistry registry, boolean autoRegister, Map<String, Schema> bySubject) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.bySubject = Map.copyOf(bySubject);
  }

  @Override
  public boolean isUp() {
    if (!found) {
      bySubject.forEach(
          (subject, schema) -> {
            if (autoRegister) {
              registry.register(subject, WireSchemas.of(schema));
            } else {
              registry.idOf(subject, WireSchemas.of(schema));
            }
          });
      found = true;
    }
    return true;
  }
}
