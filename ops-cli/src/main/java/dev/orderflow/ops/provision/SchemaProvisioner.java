package dev.orderflow.ops.provision;

import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.common.serde.WireSchemas;
import dev.orderflow.schema.ContractSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * Registers each subject's contract schema, in the form the services' serializers look up (through
 * the same client and {@link WireSchemas}, so the registered text is the looked-up text). Already
 * registered: nothing to do. Every new one is checked against what the subject holds first; one
 * incompatible schema fails the run before anything is registered.
 */
final class SchemaProvisioner {
  private final SchemaRegistry registry;
  private final ProvisionReport report;

  SchemaProvisioner(SchemaRegistry registry, ProvisionReport report) {
    this.registry = registry;
    this.report = report;
  }

  void provision(Map<String, SubjectSpec> subjects) {
    List<Pending> pending = new ArrayList<>();
    List<String> incompatible = new ArrayList<>();
    new TreeMap<>(subjects)
        .forEach(
            (subject, spec) -> {
              if (spec.schema() == null) {
                return;
              }
              Schema schema = WireSchemas.of(contract(subject, spec.schema()));
              if (isRegistered(subject, schema)) {
                return;
              }
              if (registry.isCompatible(subject, schema)) {
                pending.add(new Pending(subject, spec.schema(), schema));
              } else {
                incompatible.add(subject + " (" + spec.schema() + ")");
              }
            });
    if (!incompatible.isEmpty()) {
      throw new ProvisioningException(
          "the registry refuses these schemas under its compatibility rules, so none was"
              + " registered: "
              + String.join(", ", incompatible)
              + "; make the change compatible (schemas/README.md) or use a new topic version");
    }
    pending.forEach(this::register);
  }

  private void register(Pending next) {
    String what = "register %s (%s)".formatted(next.file(), next.schema().getFullName());
    if (report.dryRun()) {
      report.changed("registry subject " + next.subject(), what);
      return;
    }
    int id = registry.register(next.subject(), next.schema());
    report.changed("registry subject " + next.subject(), what + " as schema id " + id);
  }

  private boolean isRegistered(String subject, Schema schema) {
    try {
      registry.idOf(subject, schema);
      return true;
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        return false;
      }
      throw new ProvisioningException("registry: " + e.getMessage(), e);
    }
  }

  private static Schema contract(String subject, String file) {
    try {
      return ContractSchemas.named(file);
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("registry.subjects." + subject + ".schema: " + e.getMessage());
    }
  }

  private record Pending(String subject, String file, Schema schema) {}
}
