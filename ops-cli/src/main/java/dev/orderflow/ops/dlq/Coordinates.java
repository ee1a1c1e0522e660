package dev.orderflow.ops.dlq;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a record is: written {@code topic:partition:offset} (a colon cannot occur in a topic name);
 * {@code topic-partition@offset}, as the services log it, is read too.
 */
public record Coordinates(String topic, int partition, long offset) {
  private static final Pattern COLONS = Pattern.compile("([A-Za-z0-9._-]+):(\\d+):(\\d+)");
  private static final Pattern LOGGED = Pattern.compile("([A-Za-z0-9._-]+)-(\\d+)@(\\d+)");

  public Coordinates {
    if (topic == null || topic.isBlank() || partition < 0 || offset < 0) {
      throw new IllegalArgumentException(
          "record coordinates need a topic, a partition >= 0 and an offset >= 0");
    }
  }

  public static Coordinates of(ConsumerRecord<?, ?> record) {
    return new Coordinates(record.topic(), record.partition(), record.offset());
  }

  /** Parses {@code topic:partition:offset} or {@code topic-partition@offset}. */
  public static Coordinates parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    for (Pattern pattern : new Pattern[] {COLONS, LOGGED}) {
      Matcher m = pattern.matcher(trimmed);
      if (m.matches()) {
        return new Coordinates(
            m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
      }
    }
    throw new IllegalArgumentException(
        "expected a record as topic:partition:offset (e.g. notify.whatsapp.dlq.v1:0:42), got '"
            + text
            + "'");
  }

  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  @Override
  public String toString() {
    return topic + ":" + partition + ":" + offset;
  }
}
