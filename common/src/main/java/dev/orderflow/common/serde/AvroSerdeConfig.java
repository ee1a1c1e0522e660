package dev.orderflow.common.serde;

import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.logging.Redact;
import dev.orderflow.common.registry.RegistryClientConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * How an Avro serde reaches the registry and names subjects. Property names are Confluent's where
 * Confluent has one, so client configs carry over.
 *
 * @param registryUrl Confluent API root, e.g. http://127.0.0.1:8081/apis/ccompat/v7 (Apicurio)
 * @param autoRegister register a writer schema on first use (local stack, tests); off in
 *     production, where schemas are registered ahead by provisioning and a missing one is an error
 * @param registryTimeout bound on each registry call
 * @param isKey whether the serde is for record keys (subject {@code <topic>-key}) or values ({@code
 *     <topic>-value})
 */
public record AvroSerdeConfig(
    String registryUrl, boolean autoRegister, Duration registryTimeout, boolean isKey) {
  public static final String REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";
  public static final String SPECIFIC_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_VALUE_TYPE = "specific.avro.value.type";

  public AvroSerdeConfig {
    // Validates the URL and the timeout with the messages the registry client gives.
    new RegistryClientConfig(registryUrl, registryTimeout);
  }

  /**
   * Values, as the service's registry config says ({@code schema.registry.url}, {@code
   * schema.registry.auto-register}), with the default call timeout: the one way a service builds
   * its serde config.
   */
  public static AvroSerdeConfig from(RegistryConfig registry) {
    return new AvroSerdeConfig(
        registry.url().toString(),
        registry.autoRegister(),
        RegistryClientConfig.DEFAULT_TIMEOUT,
        false);
  }

  /** Values, auto-registering: for the local stack and tests. */
  public static AvroSerdeConfig localStack(String registryUrl) {
    return new AvroSerdeConfig(registryUrl, true, RegistryClientConfig.DEFAULT_TIMEOUT, false);
  }

  /** Values, schemas must already be registered: for production. */
  public static AvroSerdeConfig production(String registryUrl) {
    return new AvroSerdeConfig(registryUrl, false, RegistryClientConfig.DEFAULT_TIMEOUT, false);
  }

  public AvroSerdeConfig forKeys() {
    return new AvroSerdeConfig(registryUrl, autoRegister, registryTimeout, true);
  }

  /** TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}. */
  public String subject(String topic) {
    return isKey ? topic + "-key" : valueSubject(topic);
  }

  /** TopicNameStrategy's subject for a topic's values: {@code <topic>-value}. */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }

  RegistryClientConfig registryClientConfig() {
    return new RegistryClientConfig(registryUrl, registryTimeout);
  }

  /** Never prints credentials written into the URL. */
  @Override
  public String toString() {
    return "AvroSerdeConfig[registryUrl=%s, autoRegister=%s, registryTimeout=%s, isKey=%s]"
        .formatted(Redact.urlCredentials(registryUrl), autoRegister, registryTimeout, isKey);
  }

  /** From a Kafka client property map, as {@code configure(configs, isKey)} receives it. */
  static AvroSerdeConfig fromMap(Map<String, ?> configs, boolean isKey) {
    Object url = configs.get(REGISTRY_URL);
    if (!(url instanceof String text) || text.isBlank()) {
      throw new ConfigException(
          REGISTRY_URL,
          url,
          "required: the registry's Confluent API root, e.g. http://127.0.0.1:8081/apis/ccompat/v7");
    }
    boolean autoRegister = ConfigValues.bool(configs, AUTO_REGISTER, false);
    long timeoutMs =
        ConfigValues.positiveLong(
            configs, REGISTRY_TIMEOUT_MS, RegistryClientConfig.DEFAULT_TIMEOUT.toMillis());
    try {
      return new AvroSerdeConfig(text, autoRegister, Duration.ofMillis(timeoutMs), isKey);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(REGISTRY_URL + "/" + REGISTRY_TIMEOUT_MS + ": " + e.getMessage());
    }
  }

  /** The generated class named by specific.avro.(key|value).type, or null for generic records. */
  static Class<?> specificType(Map<String, ?> configs, boolean isKey) {
    String key = isKey ? SPECIFIC_KEY_TYPE : SPECIFIC_VALUE_TYPE;
    Object value = configs.get(key);
    if (value == null || value instanceof Class<?>) {
      return (Class<?>) value;
    }
    try {
      return Class.forName(
          Objects.toString(value).trim(), true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(key, value, "no such class on the classpath");
    }
  }
}
