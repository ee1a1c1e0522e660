package dev.orderflow.common.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Reads typed values from a Kafka property map, where each may be a string or already typed. */
final class ConfigValues {
  private ConfigValues() {}

  static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key, value, "expected true or false");
  }

  static long positiveLong(Map<String, ?> configs, String key, long fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed =
          value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key, value, "expected a positive whole number of milliseconds");
  }
}
