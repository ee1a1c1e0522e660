package dev.orderflow.ops.connect;

import java.util.HashMap;
import java.util.Map;

/**
 * A Kafka tool's {@code --command-config} file in the services' key space: {@code
 * security.protocol}, {@code sasl.*} and {@code ssl.*} become {@code kafka.security.protocol} etc.
 * (every client gets them), {@code bootstrap.servers} becomes {@code kafka.bootstrap.servers}, and
 * any other client property an override for each client kind.
 */
final class KafkaToolProperties {
  private static final String[] CLIENTS = {"kafka.consumer.", "kafka.producer.", "kafka.admin."};

  private KafkaToolProperties() {}

  static Map<String, String> asConfigKeys(Map<String, String> clientProperties) {
    Map<String, String> keys = new HashMap<>();
    clientProperties.forEach(
        (name, value) -> {
          if (name.equals("bootstrap.servers")
              || name.equals("security.protocol")
              || name.startsWith("sasl.")
              || name.startsWith("ssl.")) {
            keys.put("kafka." + name, value);
          } else {
            for (String client : CLIENTS) {
              keys.put(client + name, value);
            }
          }
        });
    return keys;
  }
}
