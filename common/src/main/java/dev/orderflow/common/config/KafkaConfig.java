package dev.orderflow.common.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How to reach Kafka. {@code security} holds the client's own keys ({@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}), read from {@code kafka.security.protocol}, {@code kafka.sasl.*}
 * and {@code kafka.ssl.*}; {@code producer}, {@code consumer}, {@code streams} and {@code admin}
 * hold per-client overrides from {@code kafka.producer.*} etc., applied last.
 */
public record KafkaConfig(
    String bootstrapServers,
    Map<String, String> security,
    Map<String, String> producer,
    Map<String, String> consumer,
    Map<String, String> streams,
    Map<String, String> admin) {
  public static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String SECURITY_PROTOCOL = "kafka.security.protocol";

  private static final Pattern HOST_PORT =
      Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})");
  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

  public KafkaConfig {
    if (!isServerList(bootstrapServers)) {
      throw new ConfigException(BOOTSTRAP_SERVERS, "host:port[,host:port…]", bootstrapServers);
    }
    bootstrapServers = bootstrapServers.replace(" ", "");
    security = Map.copyOf(security);
    producer = Map.copyOf(producer);
    consumer = Map.copyOf(consumer);
    streams = Map.copyOf(streams);
    admin = Map.copyOf(admin);
    validateSecurity(security);
  }

  /** Plaintext, no overrides: what tests and the local stack use. */
  public static KafkaConfig plaintext(String bootstrapServers) {
    return new KafkaConfig(bootstrapServers, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  public static KafkaConfig from(ConfigSource source) {
    Map<String, String> security = new TreeMap<>();
    source.find(SECURITY_PROTOCOL).ifPresent(v -> security.put("security.protocol", v));
    source.withPrefix("kafka.sasl.").forEach((k, v) -> security.put("sasl." + k, v));
    source.withPrefix("kafka.ssl.").forEach((k, v) -> security.put("ssl." + k, v));
    return new KafkaConfig(
        source.find(BOOTSTRAP_SERVERS).orElse(""),
        security,
        source.withPrefix("kafka.producer."),
        source.withPrefix("kafka.consumer."),
        source.withPrefix("kafka.streams."),
        source.withPrefix("kafka.admin."));
  }

  private static boolean isServerList(String servers) {
    if (servers == null || servers.isBlank()) {
      return false;
    }
    for (String server : servers.replace(" ", "").split(",", -1)) {
      Matcher m = HOST_PORT.matcher(server);
      if (!m.matches()
          || Integer.parseInt(m.group(2)) < 1
          || Integer.parseInt(m.group(2)) > 65535) {
        return false;
      }
    }
    return true;
  }

  private static void validateSecurity(Map<String, String> security) {
    String protocol = security.getOrDefault("security.protocol", "PLAINTEXT");
    if (!PROTOCOLS.contains(protocol)) {
      throw new ConfigException(
          SECURITY_PROTOCOL, "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL", protocol);
    }
    boolean sasl = security.keySet().stream().anyMatch(k -> k.startsWith("sasl."));
    if (sasl && !protocol.startsWith("SASL_")) {
      throw new ConfigException(
          SECURITY_PROTOCOL, "SASL_PLAINTEXT or SASL_SSL when kafka.sasl.* is set", protocol);
    }
  }

  /** Never prints JAAS configs or passwords. */
  @Override
  public String toString() {
    return "KafkaConfig[bootstrapServers="
        + bootstrapServers
        + ", security="
        + security.keySet().stream().sorted().collect(Collectors.joining(",", "{", "}"))
        + ", overrides={producer="
        + producer.keySet()
        + ", consumer="
        + consumer.keySet()
        + ", streams="
        + streams.keySet()
        + ", admin="
        + admin.keySet()
        + "}]";
  }
}
