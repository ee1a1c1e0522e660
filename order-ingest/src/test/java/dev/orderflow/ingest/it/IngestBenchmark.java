package dev.orderflow.ingest.it;

import static org.awaitility.Awaitility.await;

import dev.orderflow.ingest.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Orders per second through order-ingest next to the raw producer rate, same run, same broker. Run
 * by bench/ingest-benchmark.sh: {@code IngestBenchmark [orders] [partitions]}. Not a test: it
 * asserts nothing and prints its figures.
 *
 * <ol>
 *   <li>raw: N ready-made JSON orders (about 600 bytes, unique ids) produced to the intake topic
 *       with acks=all, timed from the first send to the last acknowledgement;
 *   <li>service: order-ingest started as its own process on that backlog, timed from ready to the
 *       N-th outcome visible read_committed (exactly_once_v2, one stream thread).
 * </ol>
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    String registry = env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
    IngestNames names = IngestNames.random("bench");
    Path workDir = Files.createTempDirectory("ingest-bench");
    try (BenchKafka kafka = new BenchKafka(bootstrap)) {
      kafka.createTopics(partitions, names.submitted(), names.created(), names.rejected());
      double raw = produce(kafka, names, orders);
      double service =
          consume(kafka, new IngestProcess(bootstrap, registry, names, workDir), names, orders);
      System.out.printf(
          Locale.ROOT,
          "orders=%d partitions=%d%nraw producer: %,.0f orders/s%norder-ingest:  %,.0f orders/s"
              + " (%.0f%% of raw)%n",
          orders,
          partitions,
          raw,
          service,
          100 * service / raw);
    }
  }

  private static double produce(BenchKafka kafka, IngestNames names, int orders) {
    Instant submittedAt = Instant.now();
    byte[][] values = new byte[orders][];
    for (int i = 0; i < orders; i++) {
      values[i] = Samples.bytes(Samples.jsonOrder("vendor-bench", "ORD-" + i, submittedAt));
    }
    long start = System.nanoTime();
    for (int i = 0; i < orders; i++) {
      byte[] key = ("ORD-" + i).getBytes(StandardCharsets.UTF_8);
      kafka.send(new ProducerRecord<>(names.submitted(), key, values[i]));
    }
    kafka.flush();
    return orders / seconds(start);
  }

  private static double consume(
      BenchKafka kafka, IngestProcess process, IngestNames names, int orders) {
    try (IngestProcess service = process;
        BenchKafka.Counter outcomes = kafka.counter(List.of(names.created(), names.rejected()))) {
      service.start().awaitReady();
      long start = System.nanoTime();
      await("all outcomes committed")
          .atMost(Duration.ofMinutes(10))
          .pollInSameThread()
          .pollInterval(Duration.ZERO)
          .until(() -> outcomes.count() >= orders);
      return orders / seconds(start);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
