package dev.orderflow.bench.ceiling;

import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.StackClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A Kafka Streams application that copies one topic to another with exactly_once_v2 and one stream
 * thread (as the router runs): the most any single-threaded EOS topology can do here. The input is
 * drained from a backlog, so the rate is the application's, not the producer's.
 */
public final class PassthroughCeiling {
  private final StackClients clients;

  public PassthroughCeiling(StackClients clients) {
    this.clients = clients;
  }

  public CeilingResult measure(String input, String output, int records, int recordBytes)
      throws Exception {
    new PipelineResources(clients).createTopics(List.of(output), 6);
    AtomicLong copied = new AtomicLong();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .peek((k, v) -> copied.incrementAndGet(), Named.as("count"))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    Path state = Files.createTempDirectory("bench-passthrough");
    try (KafkaStreams streams = new KafkaStreams(builder.build(), properties(output, state))) {
      streams.start();
      long deadline = System.nanoTime() + RawCeiling.LIMIT.toNanos();
      while (copied.get() == 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      long start = System.nanoTime();
      while (copied.get() < records && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      long end = System.nanoTime();
      if (copied.get() < records) {
        throw new IllegalStateException("passthrough copied " + copied.get() + " of " + records);
      }
      streams.close(Duration.ofSeconds(20));
      return new CeilingResult(
          "Kafka Streams passthrough (exactly_once_v2, 1 thread)",
          records,
          recordBytes,
          records / ((end - start) / 1e9),
          Double.NaN);
    }
  }

  private Properties properties(String output, Path state) {
    // exactly_once_v2, as the router runs: KafkaSettings' default.
    return clients
        .kafka()
        .streams(
            "bench-passthrough-" + output.hashCode(),
            "1",
            Map.of(
                StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                "1",
                StreamsConfig.STATE_DIR_CONFIG,
                state.toString(),
                StreamsConfig.consumerPrefix("auto.offset.reset"),
                "earliest"));
  }
}
