package dev.orderflow.router.bench;

import dev.orderflow.common.kafka.OffsetReset;
import dev.orderflow.router.it.InProcessRouter;
import dev.orderflow.router.topology.RouterTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * Runs a topology with the router's Streams settings (exactly-once) until its outputs hold the
 * expected number of committed records, and reports the rate from the first committed output to the
 * last, so that start-up and the first rebalance are left out.
 */
record ThroughputMeter(BenchStack stack) {
  private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

  double measure(
      Topology topology, RouterTopics topics, Set<String> outputs, int expected, String name)
      throws Exception {
    Path stateDir = Files.createTempDirectory(stack.runId());
    Properties props =
        InProcessRouter.streamsProperties(
            stack.bootstrap(), stack.runId() + "." + name, stateDir, topics);
    try (KafkaStreams streams = new KafkaStreams(topology, props);
        KafkaConsumer<byte[], byte[]> counter = counter(outputs, name)) {
      streams.start();
      long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
      long first = 0;
      int firstCount = 0;
      int count = 0;
      while (count < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              name + ": only " + count + " of " + expected + " within " + RUN_LIMIT);
        }
        count += counter.poll(Duration.ofMillis(100)).count();
        if (first == 0 && count > 0) {
          first = System.nanoTime();
          firstCount = count;
        }
      }
      double rate = (count - firstCount) / ((System.nanoTime() - first) / 1e9);
      streams.close(Duration.ofSeconds(30));
      streams.cleanUp();
      return rate;
    } finally {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private KafkaConsumer<byte[], byte[]> counter(Set<String> topics, String name) {
    Properties props =
        stack
            .kafka()
            .consumer(
                stack.runId() + ".counter." + name,
                "bench-counter",
                IsolationLevel.READ_COMMITTED,
                OffsetReset.EARLIEST);
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(topics);
    return consumer;
  }
}
