package dev.orderflow.ops.dlq;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where Kafka and the registry are; shared by every {@code ops dlq} command. */
final class ConnectionOptions {
  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
      description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--registry-url",
      paramLabel = "URL",
      defaultValue = "${env:SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}",
      description = "Confluent-compatible registry API (default: $SCHEMA_REGISTRY_URL).")
  URI registryUrl;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description =
          "Kafka client properties to add (security.protocol, sasl.*, ssl.*), as for Kafka's"
              + " own tools.")
  Path commandConfig;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long to wait for Kafka or the registry (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  Properties clientProperties() {
    Properties props = new Properties();
    if (commandConfig != null) {
      try (Reader reader = Files.newBufferedReader(commandConfig)) {
        props.load(reader);
      } catch (IOException e) {
        throw DlqException.usage("--command-config " + commandConfig + ": " + e.getMessage());
      }
    }
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }
}
