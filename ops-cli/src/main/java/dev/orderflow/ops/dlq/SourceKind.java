package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.TopicNames;
import java.util.regex.Pattern;

/**
 * Which part of the pipeline parked a record, told from the topic it was read from, never from its
 * headers: a vendor controls what headers a submission carries, not which topic the tool reads. A
 * topic counts as the pipeline's when its name contains the pipeline's name between dots ({@code
 * notify.whatsapp.dlq.v1}, {@code staging.notify.whatsapp.dlq.v1}, a test's {@code
 * notify.whatsapp.dlq.v1.Test.method.1a2b}), any version.
 */
enum SourceKind {
  /** A sender's {@code notify.<platform>.dlq.v1}: {@code dlq.*} headers. */
  SENDER(TopicNames.deadLetterTopic("PLATFORM")),
  /** The router's {@code notify.unroutable.v1}: {@code unroutable.*} headers. */
  UNROUTABLE(TopicNames.NOTIFY_UNROUTABLE),
  /** The router's Kafka Streams dead-letter topic (KIP-1034): {@code __streams.errors.*}. */
  ROUTER(TopicNames.ROUTER_DEAD_LETTERS),
  /** order-ingest's {@code orders.rejected.v1}: a JSON rejection; read-only here. */
  REJECTED(TopicNames.ORDERS_REJECTED),
  /** None of the above: shown as it is, never replayed without {@code --to}. */
  OTHER(null);

  private final Pattern name;

  SourceKind(String topic) {
    this.name = topic == null ? null : Pattern.compile(betweenDots(topic));
  }

  static SourceKind of(String topic) {
    for (SourceKind kind : values()) {
      if (kind.name != null && kind.name.matcher(topic).find()) {
        return kind;
      }
    }
    return OTHER;
  }

  /** {@code notify.PLATFORM.dlq.v1} → any platform, any version, whole dot-separated parts. */
  private static String betweenDots(String topic) {
    String core =
        Pattern.quote(topic.replaceFirst("\\.v\\d+$", "")).replace("PLATFORM", "\\E[a-z0-9_-]+\\Q");
    return "(^|\\.)" + core + "\\.v\\d+(\\.|$)";
  }
}
