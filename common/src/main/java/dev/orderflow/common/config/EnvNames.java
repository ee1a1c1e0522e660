package dev.orderflow.common.config;

import java.util.Locale;

/**
 * The environment variable that overrides a key: {@code kafka.bootstrap-servers} → {@code
 * KAFKA_BOOTSTRAP_SERVERS}.
 */
final class EnvNames {
  private EnvNames() {}

  static String of(String key) {
    return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /**
   * The key an environment variable stands for, below a prefix. Underscores become dots, which is
   * right for the pass-through families (Kafka's {@code ssl.*}, {@code sasl.*}) whose keys use
   * dots.
   */
  static String toKey(String envName) {
    return envName.toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
