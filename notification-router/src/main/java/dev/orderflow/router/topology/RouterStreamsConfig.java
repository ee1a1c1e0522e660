package dev.orderflow.router.topology;

import dev.orderflow.common.config.ConfigException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/** The Streams settings the router's delivery promises rest on, shared by main and tests. */
public final class RouterStreamsConfig {
  private RouterStreamsConfig() {}

  /**
   * @param base client settings (bootstrap servers, security, application id, …); the router's own
   *     guarantees are laid over them
   */
  public static Map<String, Object> properties(Map<String, Object> base, RouterTopics topics) {
    Map<String, Object> props = new HashMap<>(base);
    props.putAll(imposed(topics.deadLetters().name()));
    return props;
  }

  /**
   * Refuses a {@code kafka.streams.*} override of a setting the router imposes, rather than
   * replacing it silently; an override equal to the imposed value is accepted.
   *
   * @param overrides the {@code kafka.streams.*} keys, without the prefix
   * @param deadLetterTopic the name {@link RouterTopics#deadLetters()} will have
   */
  public static void refuseConflictingOverrides(
      Map<String, String> overrides, String deadLetterTopic) {
    imposed(deadLetterTopic)
        .forEach(
            (key, value) -> {
              String given = overrides.get(key);
              String wanted = value instanceof Class<?> c ? c.getName() : String.valueOf(value);
              if (given != null && !given.strip().equals(wanted)) {
                throw new ConfigException(
                    "kafka.streams." + key,
                    wanted + " (the router's delivery guarantees rest on it) or no value",
                    given);
              }
            });
  }

  private static Map<String, Object> imposed(String deadLetterTopic) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
    // Unreadable bytes: to the dead-letter topic with the reason, then carry on; the registry
    // unreachable: stop the task and resume from its commit.
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RegistryAwareDeserializationExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DirectoryAwareProcessingExceptionHandler.class);
    // No global stores today; enabled so that a future one is covered the same way.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return props;
  }
}
