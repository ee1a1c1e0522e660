package dev.orderflow.bench.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts, per topic and per wall-clock second, the committed records that appear on a set of topics
 * from now on: each stage's throughput as a downstream reader sees it.
 */
public final class StageTap implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, Map<Long, Integer>> perSecond = new LinkedHashMap<>();
  private final List<long[]> progress = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private long seen;
  private final Thread thread;

  public StageTap(String bootstrapServers, List<String> topics) {
    this.consumer = TopicScan.consumer(bootstrapServers, "bench-stage-tap");
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      perSecond.put(topic, new LinkedHashMap<>());
      for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, p.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    this.thread = Thread.ofPlatform().name("stage-tap").daemon().start(this::loop);
  }

  /** Records per epoch second, by topic. */
  public synchronized Map<String, Map<Long, Integer>> counts() {
    Map<String, Map<Long, Integer>> copy = new LinkedHashMap<>();
    perSecond.forEach((topic, counts) -> copy.put(topic, new LinkedHashMap<>(counts)));
    return copy;
  }

  public synchronized long total(String topic) {
    return perSecond.get(topic).values().stream().mapToLong(Integer::longValue).sum();
  }

  /** Records seen on all topics together. */
  public synchronized long total() {
    return seen;
  }

  /**
   * When the running total first reached {@code count} (epoch millis, to the poll), or -1: the
   * fine-grained clock a drain-rate measurement needs.
   */
  public synchronized long reachedAt(long count) {
    for (long[] point : progress) {
      if (point[1] >= count) {
        return point[0];
      }
    }
    return -1;
  }

  private void loop() {
    try {
      while (running.get()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        long now = System.currentTimeMillis();
        synchronized (this) {
          for (ConsumerRecord<byte[], byte[]> record : records) {
            perSecond.get(record.topic()).merge(now / 1000, 1, Integer::sum);
          }
          if (!records.isEmpty()) {
            seen += records.count();
            progress.add(new long[] {now, seen});
          }
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    running.set(false);
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
