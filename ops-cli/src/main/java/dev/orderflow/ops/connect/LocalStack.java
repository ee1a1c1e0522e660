package dev.orderflow.ops.connect;

import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack (dev/README.md) as the ops tool may use it: its addresses, and where they came
 * from. {@code dev/start.sh} writes {@code $STACK_DIR/stack.env} ({@code NAME=value} lines, the
 * variables below) once the stack answers, and {@code dev/stop.sh} removes it; with {@code --local}
 * and no marker the stack's fixed addresses are used.
 *
 * @param origin what chose the local stack, for the note on stderr
 * @param implied chosen by the marker alone, without {@code --local}
 * @param addresses variable name → value, only the names in {@link #DEFAULTS}
 */
public record LocalStack(String origin, boolean implied, Map<String, String> addresses) {
  public static final String STACK_DIR_ENV = "STACK_DIR";
  public static final String MARKER = "stack.env";

  /** The stack's fixed addresses (dev/lib/env.sh), in the order the note prints them. */
  static final Map<String, String> DEFAULTS = defaults();

  public LocalStack {
    addresses = known(addresses);
  }

  private static Map<String, String> known(Map<String, String> given) {
    Map<String, String> known = new LinkedHashMap<>();
    DEFAULTS.keySet().stream()
        .filter(name -> given.get(name) != null && !given.get(name).isBlank())
        .forEach(name -> known.put(name, given.get(name)));
    return Collections.unmodifiableMap(known);
  }

  /** The marker if it exists, else the fixed addresses if {@code asked}, else none. */
  static Optional<LocalStack> find(boolean asked, Map<String, String> env) {
    Optional<Path> marker = marker(env);
    if (marker.isPresent()) {
      return Optional.of(
          new LocalStack("the local stack's marker " + marker.get(), !asked, read(marker.get())));
    }
    return asked ? Optional.of(new LocalStack("--local", false, DEFAULTS)) : Optional.empty();
  }

  private static Optional<Path> marker(Map<String, String> env) {
    String dir = env.get(STACK_DIR_ENV);
    if (dir == null || dir.isBlank()) {
      return Optional.empty();
    }
    Path file = Path.of(dir, MARKER);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static Map<String, String> read(Path marker) {
    try {
      Map<String, String> values = new LinkedHashMap<>();
      ConfigSource.readFile(marker).forEach((name, value) -> values.put(name, value.trim()));
      return values;
    } catch (ConfigException e) {
      throw new ConnectionException("cannot read the local stack's marker " + marker);
    }
  }

  /**
   * The config key each variable stands for ({@code KAFKA_BOOTSTRAP_SERVERS} → {@code kafka.…}).
   */
  static String keyOf(String variable) {
    return switch (variable) {
      case "KAFKA_BOOTSTRAP_SERVERS" -> KafkaConfig.BOOTSTRAP_SERVERS;
      case "SCHEMA_REGISTRY_URL" -> RegistryConfig.URL;
      case "AWS_REGION" -> AwsConfig.REGION;
      case "AWS_ENDPOINT_URL" -> AwsConfig.ENDPOINT;
      case "AWS_ENDPOINT_URL_SECRETS_MANAGER" -> AwsConfig.SECRETS_ENDPOINT;
      default -> throw new IllegalArgumentException("not a local stack address: " + variable);
    };
  }

  private static Map<String, String> defaults() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    map.put("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
    map.put("AWS_REGION", "eu-west-1");
    map.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4567");
    map.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4584");
    return Collections.unmodifiableMap(map);
  }
}
