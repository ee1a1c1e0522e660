package dev.orderflow.ops.provision;

import dev.orderflow.ops.connect.Connection;
import dev.orderflow.ops.connect.ConnectionOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Option(
      names = "--env",
      required = true,
      description = "Environment in the file (local, prod, …); never assumed.")
  String environment;

  @Option(names = "--dry-run", description = "Print what would change; change nothing.")
  boolean dryRun;

  @Option(names = "--rotate-secret", description = "Replace an existing secret's value.")
  boolean rotateSecret;

  @Option(names = "--secret-value-file", description = "JSON value for the secret.")
  Path secretValueFile;

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--dynamodb-endpoint",
      description = "Default: $AWS_ENDPOINT_URL_DYNAMODB, $AWS_ENDPOINT_URL, else AWS.")
  URI dynamoEndpoint;

  @Option(
      names = "--secrets-endpoint",
      description = "Default: $AWS_ENDPOINT_URL_SECRETS_MANAGER, $AWS_ENDPOINT_URL, else AWS.")
  URI secretsEndpoint;

  @Override
  public Integer call() {
    PipelineSpec spec = PipelineFile.read(file);
    ProvisionReport report = new ProvisionReport(command.commandLine().getOut(), dryRun);
    Map<String, String> flags = new HashMap<>();
    Optional.ofNullable(dynamoEndpoint)
        .ifPresent(uri -> flags.put("AWS_ENDPOINT_URL_DYNAMODB", uri.toString()));
    Optional.ofNullable(secretsEndpoint)
        .ifPresent(uri -> flags.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", uri.toString()));
    Connection settings = connection.connect(command.commandLine().getErr(), flags);
    try (Clients clients = Clients.connect(settings)) {
      new PipelineProvisioner(clients, report)
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
