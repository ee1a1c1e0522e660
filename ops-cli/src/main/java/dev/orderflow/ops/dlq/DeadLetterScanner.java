package dev.orderflow.ops.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Streams the dead letters a {@link Selection} picks, in topic, partition and offset order, one
 * partition at a time: memory holds one poll's records, never a topic. Assigns partitions itself
 * (no consumer group, nothing committed), so reading never disturbs the pipeline.
 */
final class DeadLetterScanner {
  private final Consumer<byte[], byte[]> consumer;
  private final DeadLetterReader reader;
  private final PartitionReader partitions;
  private final Duration timeout;

  DeadLetterScanner(Consumer<byte[], byte[]> consumer, DeadLetterReader reader, Duration timeout) {
    this.consumer = consumer;
    this.reader = reader;
    this.partitions = new PartitionReader(consumer, timeout);
    this.timeout = timeout;
  }

  /**
   * Hands each match of the page to {@code sink} until the page is full or the sink says stop.
   *
   * @return how many matches were handed over
   */
  long scan(
      Selection selection, List<String> topics, Predicate<DeadLetter> sink, ScanProgress progress) {
    Page page = new Page(selection, sink);
    Filters filters = selection.filters();
    if (selection.explicit()) {
      progress.planned(selection.records().size());
      for (Coordinates at : selection.records()) {
        DeadLetter letter = fetch(at).orElseThrow(() -> DlqException.usage("no record at " + at));
        progress.scanned(1);
        if (filters.matches(letter) && !page.offer(letter)) {
          break;
        }
      }
      return page.handed();
    }
    List<PartitionBounds> plan = new ArrayList<>();
    for (String topic : topics) {
      plan.addAll(PartitionBounds.of(consumer, topic, selection.range(), filters, timeout));
    }
    progress.planned(plan.stream().mapToLong(PartitionBounds::size).sum());
    for (PartitionBounds bounds : plan) {
      boolean more =
          partitions.read(
              bounds,
              record -> {
                progress.scanned(1);
                if (!filters.timeMatches(record.timestamp())) {
                  return true;
                }
                DeadLetter letter = reader.read(record);
                return !filters.matches(letter) || page.offer(letter);
              });
      if (!more) {
        break;
      }
    }
    return page.handed();
  }

  /** The record at these coordinates, or empty when the log has none there. */
  Optional<DeadLetter> fetch(Coordinates at) {
    TopicPartition tp = at.topicPartition();
    if (!consumer.listTopics(timeout).containsKey(at.topic())) {
      throw DlqException.usage("topic " + at.topic() + " does not exist");
    }
    if (consumer.partitionsFor(at.topic(), timeout).size() <= at.partition()) {
      return Optional.empty();
    }
    consumer.assign(List.of(tp));
    long begin = consumer.beginningOffsets(Set.of(tp), timeout).get(tp);
    long end = consumer.endOffsets(Set.of(tp), timeout).get(tp);
    if (at.offset() < begin || at.offset() >= end) {
      return Optional.empty();
    }
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>(1);
    partitions.read(
        new PartitionBounds(tp, at.offset(), at.offset() + 1),
        record -> {
          found.add(record);
          return false;
        });
    // An offset inside the log may still hold no record: a transaction marker, or compacted away.
    return found.stream().filter(r -> r.offset() == at.offset()).findFirst().map(reader::read);
  }
}
