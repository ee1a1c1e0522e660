package dev.orderflow.ops.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets [start, end) to read in each selected partition: the range options, the log's own
 * bounds (end = last stable offset under read_committed), and {@code --since} through the time
 * index, which is exact for a start: every record before the offset it returns is older.
 */
record PartitionBounds(TopicPartition partition, long start, long end) {

  long size() {
    return Math.max(0, end - start);
  }

  static List<PartitionBounds> of(
      Consumer<?, ?> consumer, String topic, ScanRange range, Filters filters, Duration timeout) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, timeout)) {
      if (range.includes(info.partition())) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    // Listing offsets of unassigned partitions makes a read_committed consumer warn for each.
    consumer.assign(partitions);
    Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, timeout);
    Map<TopicPartition, Long> last = consumer.endOffsets(partitions, timeout);
    Map<TopicPartition, OffsetAndTimestamp> bySince = new HashMap<>();
    if (filters.since() != null) {
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(tp -> query.put(tp, filters.since().toEpochMilli()));
      bySince.putAll(consumer.offsetsForTimes(query, timeout));
    }
    List<PartitionBounds> bounds = new ArrayList<>();
    for (TopicPartition tp : partitions) {
      long start = first.get(tp);
      long end = last.get(tp);
      if (range.fromOffset() != null) {
        start = Math.max(start, range.fromOffset());
      }
      if (range.toOffset() != null) {
        end = Math.min(end, range.toOffset() + 1);
      }
      if (filters.since() != null) {
        OffsetAndTimestamp found = bySince.get(tp);
        start = found == null ? end : Math.max(start, found.offset()); // null: all older
      }
      bounds.add(new PartitionBounds(tp, start, end));
    }
    return bounds;
  }
}
