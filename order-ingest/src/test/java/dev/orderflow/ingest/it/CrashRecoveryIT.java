package dev.orderflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.ingest.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills order-ingest with SIGKILL while orders stream in, restarts it, and counts outcomes on the
 * output topics (read committed): every submitted record has exactly one, none lost, none doubled.
 */
class CrashRecoveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ORDERS = 2_000;

  @TempDir Path workDir;

  @Test
  void aKillNineMidStreamLosesAndDoublesNothing() throws Exception {
    IngestNames names = IngestNames.unique();
    Set<String> submittedOffsets = ConcurrentHashMap.newKeySet();
    try (IngestKafka kafka = new IngestKafka(names);
        ExecutorService producerThread = Executors.newSingleThreadExecutor()) {
      Future<?> producing;
      try (IngestProcess first = process(names)) {
        first.start().awaitReady();
        // Given a running service and a stream of orders (every 10th invalid, every 25th a
        // repeat of an earlier one) still arriving
        producing = producerThread.submit(() -> produceSteadily(kafka, names, submittedOffsets));

        // When it is killed after committing part of them, while orders keep coming
        int committedBeforeKill = awaitSomeOutcomes(kafka, names);
        first.kill();
        assertThat(committedBeforeKill).isLessThan(ORDERS);
        assertThat(producing).isNotDone();
      }
      // and started again
      try (IngestProcess second = process(names)) {
        second.start().awaitReady();
        producing.get(60, TimeUnit.SECONDS);

        // Then each submitted record has exactly one committed outcome
        List<String> outcomeOffsets = outcomeOffsets(kafka, names);
        assertThat(outcomeOffsets).doesNotHaveDuplicates();
        assertThat(Set.copyOf(outcomeOffsets)).isEqualTo(submittedOffsets);
      }
    }
  }

  /** Same state dir and instance id as before, as a restarted pod would have with a volume. */
  private IngestProcess process(IngestNames names) {
    return new IngestProcess(names, workDir).with("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "10000");
  }

  private static int awaitSomeOutcomes(IngestKafka kafka, IngestNames names) {
    try (IngestKafka.CommittedCounter outcomes =
        kafka.counter(List.of(names.created(), names.rejected()))) {
      return await("some outcomes committed")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ZERO)
          .until(outcomes::count, count -> count >= ORDERS / 5);
    }
  }

  private static void produceSteadily(IngestKafka kafka, IngestNames names, Set<String> offsets) {
    for (int i = 0; i < ORDERS; i++) {
      int orderNumber = i % 25 == 24 ? i - 12 : i;
      ObjectNode order = Samples.jsonOrder("vendor-crash", "ORD-" + orderNumber, Instant.now());
      if (i % 10 == 9) {
        order.put("totalMinor", 1);
      }
      byte[] key = ("ORD-" + orderNumber).getBytes(StandardCharsets.UTF_8);
      kafka.submit(
          new ProducerRecord<>(names.submitted(), key, Samples.bytes(order)),
          metadata -> offsets.add(metadata.partition() + "@" + metadata.offset()));
      if (i % 50 == 49) {
        kafka.flush();
        sleepQuietly();
      }
    }
    kafka.flush();
  }

  /** Paces the producer (at most 500 orders/s) so that orders still arrive when it is killed. */
  private static void sleepQuietly() {
    try {
      TimeUnit.MILLISECONDS.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> outcomeOffsets(IngestKafka kafka, IngestNames names)
      throws Exception {
    List<ConsumerRecord<byte[], byte[]>> created =
        kafka.readCommitted(
            List.of(names.created(), names.rejected()), ORDERS, Duration.ofSeconds(90));
    List<String> offsets = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : created) {
      if (record.topic().equals(names.created())) {
        GenericRecord submission =
            (GenericRecord) IngestKafka.orderCreated(record.value()).get("submission");
        offsets.add(submission.get("partition") + "@" + submission.get("offset"));
      } else {
        JsonNode source = JSON.readTree(record.value()).get("source");
        offsets.add(source.get("partition").asInt() + "@" + source.get("offset").asLong());
      }
    }
    return offsets;
  }
}
