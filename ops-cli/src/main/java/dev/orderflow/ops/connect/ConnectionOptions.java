package dev.orderflow.ops.connect;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where Kafka and the registry are, shared by {@code ops dlq} and {@code ops provision}. Settings
 * come, highest first, from these flags, the environment (the services' variables: {@code
 * KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*}, {@code
 * SCHEMA_REGISTRY_URL}, {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO} …), {@code --command-config},
 * {@code --config}, and last the local stack when asked for; nothing has a built-in address.
 */
public final class ConnectionOptions {
  private final Map<String, String> env;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      description = "Kafka (default: $KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--registry-url",
      paramLabel = "URL",
      description =
          "Confluent-compatible registry API (default: $SCHEMA_REGISTRY_URL). Credentials go in"
              + " $SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO or $SCHEMA_REGISTRY_BEARER_AUTH_TOKEN, or"
              + " the URL; they are never printed.")
  String registryUrl;

  @Option(
      names = "--registry-truststore",
      paramLabel = "FILE",
      description =
          "PKCS12 truststore for the registry's TLS (default:"
              + " $SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION; password in"
              + " $SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD).")
  Path registryTruststore;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      description =
          "Kafka client properties to add (security.protocol, sasl.*, ssl.*, …), as for Kafka's"
              + " own tools.")
  Path commandConfig;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A service config file: the services' keys (kafka.*, schema.registry.*, aws.*) are"
              + " read from it, so the tool connects exactly as they do.")
  Path config;

  @Option(
      names = "--local",
      description =
          "Use the local stack (dev/start.sh) for whatever is not set; implied while its marker"
              + " $STACK_DIR/stack.env exists.")
  boolean local;

  public ConnectionOptions(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Resolves the settings, with {@code flags} (variable name → value; null values ignored) as extra
   * command-specific flags. Notes on {@code err} which addresses the local stack supplied.
   */
  public Connection connect(PrintWriter err, Map<String, String> flags) {
    Map<String, String> files = new HashMap<>();
    if (config != null) {
      files.putAll(read("--config", config));
    }
    if (commandConfig != null) {
      files.putAll(KafkaToolProperties.asConfigKeys(read("--command-config", commandConfig)));
    }
    Map<String, String> explicit = new HashMap<>(env);
    put(explicit, "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    put(explicit, "SCHEMA_REGISTRY_URL", registryUrl);
    put(explicit, "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", registryTruststore);
    flags.forEach((name, value) -> put(explicit, name, value));
    Connection connection = Connection.resolve(files, explicit, LocalStack.find(local, env));
    connection.noteFilledIn(err);
    return connection;
  }

  private static void put(Map<String, String> env, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      env.put(name, value.toString());
    }
  }

  private static Map<String, String> read(String option, Path file) {
    try {
      return ConfigSource.readFile(file);
    } catch (ConfigException e) {
      throw new ConnectionException(option + " " + file + ": not a readable properties file");
    }
  }
}
