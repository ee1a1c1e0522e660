package dev.orderflow.router.topology;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The Streams settings the router's delivery promises rest on, shared by main and tests. */
public final class RouterStreamsConfig {
  private RouterStreamsConfig() {}

  /**
   * @param base client settings (bootstrap servers, security, application id, …); the router's own
   *     guarantees are laid over them
   */
  public static Map<String, Object> properties(Map<String, Object> base, RouterTopics topics) {
    Map<String, Object> props = new HashMap<>(base);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
    // Unreadable bytes: to the dead-letter topic with the reason, then carry on.
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DirectoryAwareProcessingExceptionHandler.class);
    // No global stores today; enabled so that a future one is covered the same way.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    return props;
  }
}
