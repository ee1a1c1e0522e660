package dev.orderflow.common.config;

import dev.orderflow.common.logging.Redact;

/**
 * A configuration value is missing or malformed. The message always names the key and the expected
 * form, so one line on stderr is enough to fix it: {@code kafka.bootstrap.servers: expected
 * host:port[,host:port…], got ''}. Config records throw it from their own constructors, naming the
 * config key of the field they refuse, so no caller has to translate a message into a key. It is an
 * {@link IllegalArgumentException} because that is what a constructor refusing an argument throws,
 * wherever the values came from.
 */
public final class ConfigException extends IllegalArgumentException {
  private final String key;

  /** {@code got} is printed with any credentials in a URL cut out. */
  public ConfigException(String key, String expected, String got) {
    super(key + ": expected " + expected + ", got '" + Redact.urlCredentials(got) + "'");
    this.key = key;
  }

  /** For a key that is not set at all. */
  public static ConfigException missing(String key, String expected) {
    return new ConfigException(key, expected + " (set " + key + " or " + EnvNames.of(key) + ")");
  }

  private ConfigException(String key, String messageTail) {
    super(key + ": expected " + messageTail + ", but it is not set");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
