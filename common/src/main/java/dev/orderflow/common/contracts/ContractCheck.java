package dev.orderflow.common.contracts;

import dev.orderflow.common.registry.RegisteredSchema;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryException;
import dev.orderflow.common.serde.WireSchemas;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Resolves contracts the way the serdes will: a written schema must be registered under its subject
 * exactly as the serializer looks it up (or, with auto-registration on, is registered now); a read
 * subject must hold a schema the service's reader schema can read. Each problem is one line that
 * names the subject and the command that fixes it.
 */
public final class ContractCheck {
  private final SchemaRegistry registry;
  private final boolean autoRegister;
  private final String fix;

  /**
   * @param environment the environment's name in provisioning/pipeline.yaml, for the fixing command
   *     ({@code ops provision --file provisioning/pipeline.yaml --env <environment>})
   */
  public ContractCheck(SchemaRegistry registry, boolean autoRegister, String environment) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.fix = "run: ops provision --file provisioning/pipeline.yaml --env " + environment;
  }

  /** Empty when every contract resolves, else the first problem found. */
  public Optional<String> firstProblem(List<Contract> contracts) {
    for (Contract contract : contracts) {
      Optional<String> problem = problem(contract);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> problem(Contract contract) {
    try {
      return switch (contract.role()) {
        case WRITES -> writerProblem(contract.subject(), WireSchemas.of(contract.schema()));
        case READS -> readerProblem(contract.subject(), WireSchemas.of(contract.schema()));
      };
    } catch (SchemaRegistryException e) {
      return Optional.of(
          "subject %s: cannot ask the schema registry: %s"
              .formatted(contract.subject(), e.getMessage()));
    }
  }

  private Optional<String> writerProblem(String subject, Schema schema) {
    try {
      if (autoRegister) {
        registry.register(subject, schema);
      } else {
        registry.idOf(subject, schema);
      }
      return Optional.empty();
    } catch (SchemaRegistryException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
    String name = schema.getFullName();
    if (!registry.isCompatible(subject, schema)) {
      return Optional.of(
          "subject %s: schema %s is incompatible with the subject's latest version; %s"
              .formatted(subject, name, fix));
    }
    return Optional.of(
        "subject %s: schema %s is not registered and auto-registration is off; %s"
            .formatted(subject, name, fix));
  }

  private Optional<String> readerProblem(String subject, Schema reader) {
    RegisteredSchema latest;
    try {
      latest = registry.latest(subject);
    } catch (SchemaRegistryException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      // With auto-registration on (tests, benchmarks) the writer registers on first use.
      return autoRegister
          ? Optional.empty()
          : Optional.of(
              "subject %s: no schema registered, so nothing written there can be read as %s; %s"
                  .formatted(subject, reader.getFullName(), fix));
    }
    SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, latest.schema());
    if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return Optional.empty();
    }
    return Optional.of(
        "subject %s: version %d (id %d) cannot be read as %s (%s); %s"
            .formatted(
                subject,
                latest.version(),
                latest.id(),
                reader.getFullName(),
                result.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation())
                    .toList(),
                fix));
  }
}
