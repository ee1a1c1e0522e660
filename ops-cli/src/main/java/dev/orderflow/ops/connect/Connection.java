package dev.orderflow.ops.connect;

import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The resolved settings of one command, read into common's config records exactly as a service
 * reads its own: Kafka through {@link KafkaSettings} (TLS, SASL, timeouts), the registry through
 * {@link RegistryConfig} (auth, truststore), AWS through {@link AwsConfig}. A missing or bad
 * setting is a {@link ConnectionException} that names the variable.
 *
 * @param filledIn the local stack's addresses used because nothing else set them
 */
public record Connection(
    ConfigSource source, Optional<LocalStack> local, Map<String, String> filledIn) {
  private static final List<String> REQUIRED =
      List.of("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL");
  private static final Map<String, String> FLAG_OF =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS",
          "--bootstrap-servers",
          "SCHEMA_REGISTRY_URL",
          "--registry-url");

  /**
   * @param files settings from --config and --command-config, in config keys
   * @param env the environment with the flags written over it, in variable names
   */
  static Connection resolve(
      Map<String, String> files, Map<String, String> env, Optional<LocalStack> local) {
    ConfigSource withoutLocal = ConfigSource.of(files, env);
    // The marker alone never completes a half-given address set: Kafka named and the registry
    // not is someone pointing at another cluster, where 127.0.0.1 would be a silent mistake.
    boolean partlyElsewhere =
        REQUIRED.stream().anyMatch(v -> withoutLocal.find(LocalStack.keyOf(v)).isPresent());
    Optional<LocalStack> used = local.filter(stack -> !(stack.implied() && partlyElsewhere));
    Map<String, String> filledIn = new LinkedHashMap<>();
    used.map(LocalStack::addresses).orElse(Map.of()).entrySet().stream()
        .filter(address -> withoutLocal.find(LocalStack.keyOf(address.getKey())).isEmpty())
        .forEach(address -> filledIn.put(address.getKey(), address.getValue()));
    Map<String, String> props = new HashMap<>(files);
    filledIn.forEach((variable, value) -> props.put(LocalStack.keyOf(variable), value));
    ConfigSource source = ConfigSource.of(props, env);
    for (String variable : REQUIRED) {
      if (source.find(LocalStack.keyOf(variable)).isEmpty()) {
        throw new ConnectionException(
            "%s is not set: pass %s, set %s (or %s in a --config file), or add --local to use the local stack"
                .formatted(variable, FLAG_OF.get(variable), variable, LocalStack.keyOf(variable)));
      }
    }
    return new Connection(source, used, Collections.unmodifiableMap(filledIn));
  }

  /** As set, for messages. */
  public String bootstrapServers() {
    return source.find(KafkaConfig.BOOTSTRAP_SERVERS).orElse("");
  }

  public KafkaSettings kafka() {
    return new KafkaSettings(valid(KafkaConfig::from));
  }

  public RegistryConfig registry() {
    return valid(RegistryConfig::from);
  }

  /**
   * AWS as the services reach it; the region must be set (AWS_REGION, --config, the local stack).
   */
  public AwsConfig aws() {
    if (source.find(AwsConfig.REGION).isEmpty()) {
      throw new ConnectionException(
          "AWS_REGION is not set: set AWS_REGION (or aws.region in a --config file), or add --local"
              + " to use the local stack");
    }
    return valid(AwsConfig::from);
  }

  /** One line on stderr when the local stack supplied an address, so it is never a surprise. */
  void noteFilledIn(PrintWriter err) {
    if (filledIn.isEmpty()) {
      return;
    }
    String addresses =
        filledIn.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
    err.println("ops: using " + local.orElseThrow().origin() + ": " + addresses);
    err.flush();
  }

  private <T> T valid(Function<ConfigSource, T> build) {
    try {
      return build.apply(source);
    } catch (ConfigException e) {
      throw new ConnectionException(e.getMessage());
    }
  }
}
