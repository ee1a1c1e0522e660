package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The replay checkpoint: a compacted topic with one record per replayed dead letter, keyed by its
 * source {@code topic:partition:offset}. A mark is written in the same transaction as the replayed
 * record, so a committed mark means a committed replay and an aborted one leaves neither. To allow
 * a record to be replayed again, write a tombstone (null value) for its key.
 */
final class ProgressTopic {
  static final String DEFAULT = TopicNames.DLQ_REPLAY_PROGRESS;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;

  ProgressTopic(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** The source coordinates of {@code sourceTopic} already replayed (committed marks only). */
  Set<String> replayed(
      Consumer<byte[], byte[]> consumer, String sourceTopic, Duration timeout, boolean exists) {
    Set<String> done = new HashSet<>();
    if (!exists) {
      return done;
    }
    String prefix = sourceTopic + ":";
    PartitionReader reader = new PartitionReader(consumer, timeout);
    for (PartitionBounds bounds :
        PartitionBounds.of(consumer, name, ScanRange.all(), Filters.none(), timeout)) {
      reader.read(
          bounds,
          record -> {
            String key = record.key() == null ? "" : new String(record.key(), UTF_8);
            if (key.startsWith(prefix)) {
              if (record.value() == null) {
                done.remove(key);
              } else {
                done.add(key);
              }
            }
            return true;
          });
    }
    return done;
  }

  ProducerRecord<byte[], byte[]> mark(
      Coordinates source, String target, String runId, String operator, Instant at) {
    var value =
        JSON.createObjectNode()
            .put("runId", runId)
            .put("operator", operator)
            .put("target", target)
            .put("replayedAt", at.toString());
    return new ProducerRecord<>(
        name, source.toString().getBytes(UTF_8), value.toString().getBytes(UTF_8));
  }
}
