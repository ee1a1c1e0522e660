package dev.orderflow.ingest.it;

import static org.awaitility.Awaitility.await;

import dev.orderflow.ingest.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Orders per second through order-ingest next to the raw producer rate, same run, same broker. Run
 * by bench/ingest-benchmark.sh: {@code IngestBenchmark [orders] [partitions]}. Not a test: it
 * asserts nothing and prints its figures.
 *
 * <ol>
 *   <li>raw: N ready-made JSON orders (about 600 bytes, unique ids) produced to the intake topic
 *       with acks=all, timed from the first send to the last acknowledgement: the ceiling;
 *   <li>each variant: order-ingest started as its own process (one stream thread) on that same
 *       backlog with an application id and output topics of its own, timed from ready to the N-th
 *       outcome visible read_committed. The variants differ only in the {@code KAFKA_STREAMS_*}
 *       settings named (environment {@code INGEST_BENCH_VARIANTS}, default: as shipped, and
 *       at_least_once, whose difference is what the exactly-once transactions cost).
 * </ol>
 *
 * <p>{@code INGEST_BENCH_JFR=<dir>} records a JFR profile of each variant's service there.
 */
public final class IngestBenchmark {
  private static final Map<String, Map<String, String>> VARIANTS = new LinkedHashMap<>();

  static {
    VARIANTS.put("shipped", Map.of());
    VARIANTS.put("at_least_once", Map.of("KAFKA_STREAMS_PROCESSING_GUARANTEE", "at_least_once"));
    VARIANTS.put("commit-500ms", Map.of("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "500"));
    VARIANTS.put("threads-2", Map.of("KAFKA_STREAMS_NUM_STREAM_THREADS", "2"));
    VARIANTS.put(
        "batch-64k",
        Map.of(
            "KAFKA_STREAMS_PRODUCER_BATCH_SIZE",
            "65536",
            "KAFKA_STREAMS_PRODUCER_LINGER_MS",
            "20"));
  }

  private static final int PARTITIONS_OF_OUTPUTS = 3;

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    String registry = env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
    List<String> variants =
        List.of(env("INGEST_BENCH_VARIANTS", "shipped,at_least_once").split(","));
    IngestNames names = IngestNames.random("bench");
    Path workDir = Files.createTempDirectory("ingest-bench");
    try (BenchKafka kafka = new BenchKafka(bootstrap)) {
      kafka.createTopics(partitions, names.submitted());
      double raw = produce(kafka, names, orders);
      System.out.printf(
          Locale.ROOT,
          "orders=%d partitions=%d%nraw producer               %,8.0f orders/s  (the ceiling)%n",
          orders,
          partitions,
          raw);
      for (String variant : variants) {
        // Each figure is printed as soon as it is known; a variant that fails is a note, not a
        // lost run.
        try {
          double rate =
              consume(kafka, variant(bootstrap, registry, names, variant, workDir), orders);
          System.out.printf(
              Locale.ROOT,
              "order-ingest %-14s %,8.0f orders/s  %5.1f%% of raw%n",
              variant,
              rate,
              100 * rate / raw);
        } catch (Exception e) {
          System.out.printf(Locale.ROOT, "order-ingest %-14s failed: %s%n", variant, e);
        }
      }
    }
  }

  private static IngestProcess variant(
      String bootstrap, String registry, IngestNames names, String variant, Path workDir)
      throws java.io.IOException {
    IngestNames own = names.variant(variant);
    Path dir = Files.createDirectories(workDir.resolve(variant));
    IngestProcess process = new IngestProcess(bootstrap, registry, own, dir, "order-ingest.log");
    VARIANTS.getOrDefault(variant, Map.of()).forEach(process::with);
    String jfr = System.getenv("INGEST_BENCH_JFR");
    if (jfr != null && !jfr.isBlank()) {
      process.withJvmOption(
          "-XX:StartFlightRecording=filename=" + jfr + "/" + variant + ".jfr,settings=profile");
    }
    return process;
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

  private static double consume(BenchKafka kafka, IngestProcess process, int orders)
      throws Exception {
    IngestNames names = process.names();
    kafka.createTopics(PARTITIONS_OF_OUTPUTS, names.created(), names.rejected());
    try (IngestProcess service = process;
        BenchKafka.Counter outcomes = kafka.counter(List.of(names.created(), names.rejected()))) {
      service.start().awaitReady(Duration.ofMinutes(3));
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
