package dev.orderflow.ops.provision;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ops provision}: makes the live systems match the pipeline file; safe to run again. */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description = {
      "Creates missing topics, tables, registry settings and the credentials secret, aligns topic"
          + " configs and grows partitions. Never deletes or shrinks anything: it reports it."
    })
public final class ProvisionCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--file", required = true, description = "The pipeline file (YAML).")
  Path file;

  @Option(names = "--env", defaultValue = "local", description = "Environment in the file.")
  String environment;

  @Option(names = "--dry-run", description = "Print what would change; change nothing.")
  boolean dryRun;

  @Option(names = "--rotate-secret", description = "Replace an existing secret's value.")
  boolean rotateSecret;

  @Option(names = "--secret-value-file", description = "JSON value for the secret.")
  Path secretValueFile;

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--registry-url",
      defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}",
      description = "Confluent-compatible registry API (default: $SCHEMA_REGISTRY_URL).")
  URI registryUrl;

  @Option(names = "--dynamodb-endpoint", description = "Default: the SDK's ($AWS_ENDPOINT_URL).")
  URI dynamoEndpoint;

  @Option(
      names = "--secrets-endpoint",
      description = "Default: the SDK's ($AWS_ENDPOINT_URL_SECRETS_MANAGER).")
  URI secretsEndpoint;

  @Override
  public Integer call() {
    PipelineSpec spec = PipelineFile.read(file);
    ProvisionReport report = new ProvisionReport(command.commandLine().getOut(), dryRun);
    try (Clients clients =
        Clients.connect(
            bootstrapServers,
            Optional.ofNullable(dynamoEndpoint),
            Optional.ofNullable(secretsEndpoint))) {
      new PipelineProvisioner(clients, registryUrl, report)
          .apply(
              spec,
              environment,
              file.toAbsolutePath().getParent(),
              Optional.ofNullable(secretValueFile),
              rotateSecret);
    }
    report.printSummary();
    return 0;
  }
}
