package dev.orderflow.ops.provision;

import dev.orderflow.common.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Applies a pipeline file to one environment: topics, tables, registry (compatibility levels, then
 * the contract schemas), then the secret.
 */
public final class PipelineProvisioner {
  private final Clients clients;
  private final ProvisionReport report;

  PipelineProvisioner(Clients clients, ProvisionReport report) {
    this.clients = clients;
    this.report = report;
  }

  /** {@code secretValueFile} overrides the environment's; relative paths are from the file's. */
  void apply(
      PipelineSpec spec,
      String environmentName,
      Path specDirectory,
      Optional<Path> secretValueFile,
      boolean rotateSecret) {
    EnvironmentSpec environment = spec.environment(environmentName);
    new TopicProvisioner(clients.admin(), report)
        .provision(spec.topics().stream().map(t -> TopicPlan.of(t, environment)).toList());
    new TableProvisioner(clients.dynamo(), report, environment.ttlUnsupportedIsWarning())
        .provision(spec.tables());
    if (spec.registry() != null) {
      new RegistryProvisioner(clients.http(), clients.registry(), report)
          .provision(spec.registry());
      try (SchemaRegistryClient registry = new SchemaRegistryClient(clients.registry())) {
        new SchemaProvisioner(registry, report).provision(spec.registry().subjects());
      }
    }
    if (spec.secret() != null) {
      Optional<Path> valueFile =
          secretValueFile.or(
              () -> Optional.ofNullable(environment.secretValueFile()).map(specDirectory::resolve));
      Optional<SecretValue> value =
          valueFile.map(file -> SecretValue.read(file, spec.secret().requiredKeys()));
      new SecretProvisioner(clients.secrets(), report)
          .provision(spec.secret().nameFor(environmentName), value, rotateSecret);
    }
  }
}
