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
 * by bench/ingest-benchmark.sh: {@code IngestBenchmark [orders]}. Not a test: it asserts nothing
 * and prints its figures.
 *
 * <ol>
 *   <li>raw: N JSON orders (about 600 bytes each, unique ids) produced to the intake topic,
 *       acks=all, timed from first send to last acknowledgement;
 *   <li>service: order-ingest started as its own process on that backlog, timed from ready to the
 *       N-th outcome visible read_committed (exactly_once_v2, one stream thread).
 * </ol>
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    IngestNames names = IngestNames.unique();
    Path workDir = Files.createTempDirectory("ingest-bench");
    try (IngestKafka kafka = new IngestKafka(names)) {
      double raw = produce(kafka, names, orders);
      double service = consume(kafka, names, workDir, orders);
      System.out.printf(
          Locale.ROOT,
          "orders=%d partitions=%d%nraw producer: %,.0f orders/s%norder-ingest:  %,.0f orders/s"
              + " (%.0f%% of raw)%n",
          orders,
          IngestKafka.PARTITIONS,
          raw,
          service,
          100 * service / raw);
    }
  }

  private static double produce(IngestKafka kafka, IngestNames names, int orders) {
    Instant submittedAt = Instant.now();
    long start = System.nanoTime();
    for (int i = 0; i < orders; i++) {
      String orderId = "ORD-" + i;
      byte[] value = Samples.bytes(Samples.jsonOrder("vendor-bench", orderId, submittedAt));
      kafka.submit(
          new ProducerRecord<>(names.submitted(), orderId.getBytes(StandardCharsets.UTF_8), value));
    }
    kafka.flush();
    return orders / seconds(start);
  }

  private static double consume(IngestKafka kafka, IngestNames names, Path workDir, int orders)
      throws InterruptedException {
    try (IngestProcess service = new IngestProcess(names, workDir);
        IngestKafka.CommittedCounter outcomes =
            kafka.counter(List.of(names.created(), names.rejected()))) {
      service.start().awaitReady();
      long start = System.nanoTime();
      await("all outcomes committed")
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ZERO)
          .until(() -> outcomes.count() >= orders);
      return orders / seconds(start);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
