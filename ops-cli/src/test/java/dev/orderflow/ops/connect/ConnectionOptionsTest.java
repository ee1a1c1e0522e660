package dev.orderflow.ops.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.RegistryAuth;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @Test
  void withNeitherFlagsNorEnvironmentNorTheLocalStackAMissingEndpointIsNamed() {
    assertThatThrownBy(() -> connect(Map.of()))
        .isInstanceOf(ConnectionException.class)
        .hasMessage(
            "KAFKA_BOOTSTRAP_SERVERS is not set: pass --bootstrap-servers, set"
                + " KAFKA_BOOTSTRAP_SERVERS (or kafka.bootstrap.servers in a --config file), or add"
                + " --local to use the local stack");
    assertThatThrownBy(() -> connect(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092")))
        .hasMessageStartingWith("SCHEMA_REGISTRY_URL is not set: pass --registry-url");
  }

  @Test
  void localFillsInOnlyWhatNothingElseSetsAndSaysSo() {
    // Given
    Map<String, String> env = Map.of("SCHEMA_REGISTRY_URL", "https://registry.prod/api");

    // When
    Connection connection = connect(env, "--local", "--bootstrap-servers", "kafka.prod:9093");

    // Then
    assertThat(connection.bootstrapServers()).isEqualTo("kafka.prod:9093");
    assertThat(connection.registry().url()).hasToString("https://registry.prod/api");
    assertThat(connection.aws().dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
    assertThat(connection.filledIn())
        .containsOnlyKeys("AWS_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SECRETS_MANAGER");
    assertThat(err.toString())
        .isEqualTo(
            "ops: using --local: AWS_REGION=eu-west-1 AWS_ENDPOINT_URL=http://127.0.0.1:4567"
                + " AWS_ENDPOINT_URL_SECRETS_MANAGER=http://127.0.0.1:4584\n");
  }

  @Test
  void theLocalStacksMarkerStandsForLocalWhileItExists() throws IOException {
    // Given
    Path marker = dir.resolve(LocalStack.MARKER);
    Files.writeString(
        marker,
        "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092\n"
            + "SCHEMA_REGISTRY_URL=http://127.0.0.1:18081/apis/ccompat/v7\n");
    Map<String, String> env = Map.of(LocalStack.STACK_DIR_ENV, dir.toString());

    // When
    Connection withMarker = connect(env);
    Files.delete(marker);

    // Then
    assertThat(withMarker.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(err.toString()).startsWith("ops: using the local stack's marker " + marker + ": ");
    assertThatThrownBy(() -> connect(env)).isInstanceOf(ConnectionException.class);
  }

  @Test
  void theMarkerNeverCompletesAnAddressSetThatPointsElsewhere() throws IOException {
    // Given: a developer's machine with the stack running, and an operator naming another Kafka
    Files.writeString(
        dir.resolve(LocalStack.MARKER),
        "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092\n"
            + "SCHEMA_REGISTRY_URL=http://127.0.0.1:8081/apis/ccompat/v7\n");
    Map<String, String> env =
        Map.of(
            LocalStack.STACK_DIR_ENV, dir.toString(), "KAFKA_BOOTSTRAP_SERVERS", "kafka.prod:9093");

    // When / Then: the registry is missing, not quietly the local one; --local says it is meant
    assertThatThrownBy(() -> connect(env)).hasMessageStartingWith("SCHEMA_REGISTRY_URL is not set");
    assertThat(connect(env, "--local").registry().url())
        .hasToString("http://127.0.0.1:8081/apis/ccompat/v7");
  }

  @Test
  void theAwsRegionIsNeverAssumed() {
    Connection connection =
        connect(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092", "SCHEMA_REGISTRY_URL", "https://r"));

    assertThatThrownBy(connection::aws)
        .isInstanceOf(ConnectionException.class)
        .hasMessageStartingWith("AWS_REGION is not set");
  }

  @Test
  void aCommandConfigGivesEveryKafkaClientItsSecurityAndOverrides() throws IOException {
    // Given
    Properties props = new Properties();
    props.setProperty("security.protocol", "SASL_SSL");
    props.setProperty("sasl.mechanism", "SCRAM-SHA-512");
    props.setProperty("ssl.truststore.location", "/etc/kafka/truststore.p12");
    props.setProperty("request.timeout.ms", "45000");
    Path file = dir.resolve("client.properties");
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, null);
    }

    // When
    Connection connection =
        connect(
            registryOnly(), "--bootstrap-servers", "b:9093", "--command-config", file.toString());

    // Then
    assertThat(connection.kafka().admin("ops"))
        .containsEntry("bootstrap.servers", "b:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
        .containsEntry("request.timeout.ms", "45000");
    assertThat(connection.kafka().producer("ops")).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void aServiceConfigFileConnectsAsTheServicesDoAndTheEnvironmentBeatsIt() throws IOException {
    // Given
    Path file = dir.resolve("router.properties");
    Files.writeString(
        file,
        "kafka.bootstrap.servers=from-file:9092\n"
            + "kafka.security.protocol=SSL\n"
            + "schema.registry.url=https://registry.prod/api\n"
            + "schema.registry.basic.auth.user.info=key:s3cret\n");

    // When
    Connection connection =
        connect(Map.of("KAFKA_BOOTSTRAP_SERVERS", "from-env:9092"), "--config", file.toString());

    // Then
    assertThat(connection.bootstrapServers()).isEqualTo("from-env:9092");
    assertThat(
            connection
                .kafka()
                .consumer(
                    "g",
                    "c",
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED,
                    dev.orderflow.common.kafka.OffsetReset.EARLIEST))
        .containsEntry("security.protocol", "SSL");
    assertThat(connection.registry().auth()).isEqualTo(new RegistryAuth.Basic("key", "s3cret"));
    assertThat(err.toString()).isEmpty();
  }

  private static Map<String, String> registryOnly() {
    return Map.of("SCHEMA_REGISTRY_URL", "https://registry.prod/api");
  }

  private Connection connect(Map<String, String> env, String... args) {
    Probe probe = new Probe();
    new CommandLine(probe, factory(env)).parseArgs(args);
    return probe.options.connect(new PrintWriter(err, true), new HashMap<>());
  }

  private static CommandLine.IFactory factory(Map<String, String> env) {
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == ConnectionOptions.class
            ? type.cast(new ConnectionOptions(env))
            : CommandLine.defaultFactory().create(type);
      }
    };
  }

  @Command(name = "probe")
  static final class Probe {
    @Mixin ConnectionOptions options;
  }
}
