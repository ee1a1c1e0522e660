package dev.orderflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.ingest.Samples;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills order-ingest with SIGKILL part-way through a stream of orders, sends more while it is down,
 * restarts it, and counts outcomes on the output topics (read committed): every submitted record
 * has exactly one, none lost, none doubled.
 */
@RealStack
class CrashRecoveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BACKLOG = 3_000;
  private static final int WHILE_DOWN = 1_000;
  private static final int ORDERS = BACKLOG + WHILE_DOWN;
  // Generous: after the kill the new instance may first wait out the old member's session and an
  // open transaction of the killed producer; on a loaded 2-core CI machine that has taken > 90 s.
  private static final Duration WAIT = Duration.ofMinutes(3);

  @TempDir Path workDir;

  @Test
  void aKillNineMidStreamLosesAndDoublesNothing(TestStack stack) throws Exception {
    IngestNames names = IngestNames.of(stack);
    stack.createTopics(3, names.submitted(), names.created(), names.rejected());
    KafkaProducer<byte[], byte[]> producer = stack.producer();
    try (RecordCollector created = stack.collector(names.created());
        RecordCollector rejected = stack.collector(names.rejected())) {
      // Given a backlog of orders (every 10th invalid, every 25th a repeat of an earlier one)
      produce(producer, names, 0, BACKLOG);

      // When the service is killed part-way through it, more orders arrive while it is down,
      // and it is started again
      IngestProcess first = process(stack, names, "first.log");
      try (first) {
        first.start().awaitReady();
        int committedBeforeKill = awaitOutcomes(created, rejected, BACKLOG / 30);
        first.kill();
        assertThat(committedBeforeKill).as("outcomes at the kill").isLessThan(BACKLOG);
      }
      produce(producer, names, BACKLOG, ORDERS);
      try (IngestProcess second = process(stack, names, "second.log")) {
        second.start().awaitReady();

        // Then each submitted record has exactly one committed outcome
        Set<String> submitted = submissionOffsets(stack, names.submitted());
        assertThat(submitted)
            .as("records on the submitted topic")
            .hasSizeGreaterThanOrEqualTo(ORDERS);
        List<String> outcomeOffsets = outcomeOffsets(created, rejected);
        Set<String> missing = new TreeSet<>(submitted);
        missing.removeAll(outcomeOffsets);
        assertThat(missing)
            .as("submissions without an outcome; service warnings:%n%s", warnings(first, second))
            .isEmpty();
        assertThat(outcomeOffsets).doesNotHaveDuplicates();
        assertThat(Set.copyOf(outcomeOffsets)).isEqualTo(submitted);
      }
    }
  }

  /** Same state dir and instance id as before, as a restarted pod would have with a volume. */
  private IngestProcess process(TestStack stack, IngestNames names, String logName) {
    return IngestProcess.on(stack, names, workDir, logName)
        .with("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "10000");
  }

  /** The WARN and ERROR lines both runs logged, so a failure says what the service saw. */
  private static String warnings(IngestProcess... runs) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (IngestProcess run : runs) {
      try (var log = Files.lines(run.log().toPath())) {
        log.filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
            .limit(40)
            .forEach(line -> lines.append(line).append(System.lineSeparator()));
      }
    }
    return lines.toString();
  }

  /** Polls both collectors on this thread (each poll waits up to 200 ms) until {@code count}. */
  private static int awaitOutcomes(RecordCollector created, RecordCollector rejected, int count) {
    return await(count + " committed outcomes")
        .atMost(WAIT)
        .pollInSameThread()
        .pollInterval(Duration.ZERO)
        .until(() -> created.poll().size() + rejected.poll().size(), seen -> seen >= count);
  }

  /**
   * Sends orders {@code from} (inclusive) to {@code to}, as a vendor would: a send the broker did
   * not acknowledge (a delivery timeout on a loaded machine) is sent again, so every order is on
   * the topic at least once. An ambiguous timeout can put one there twice; each copy is then a
   * submission of its own, and {@link #submissionOffsets} reads them all back.
   */
  private static void produce(
      KafkaProducer<byte[], byte[]> producer, IngestNames names, int from, int to)
      throws InterruptedException {
    List<Integer> pending = new ArrayList<>();
    for (int i = from; i < to; i++) {
      pending.add(i);
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      assertThat(attempt)
          .as("attempts to send %s orders, the broker refusing", pending.size())
          .isLessThanOrEqualTo(5);
      Set<Integer> failed = ConcurrentHashMap.newKeySet();
      for (int i : pending) {
        int number = i;
        producer.send(
            order(names, i),
            (metadata, error) -> {
              if (error != null) {
                System.err.printf("order %d not acknowledged: %s%n", number, error);
                failed.add(number);
              }
            });
      }
      producer.flush();
      pending = new ArrayList<>(new TreeSet<>(failed));
    }
  }

  /** Order {@code i}: every 10th invalid, every 25th a repeat of an earlier order's number. */
  private static ProducerRecord<byte[], byte[]> order(IngestNames names, int i) {
    int orderNumber = i % 25 == 24 ? i - 12 : i;
    ObjectNode order = Samples.jsonOrder("vendor-crash", "ORD-" + orderNumber, Instant.now());
    if (i % 10 == 9) {
      order.put("totalMinor", 1);
    }
    byte[] key = ("ORD-" + orderNumber).getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(names.submitted(), key, Samples.bytes(order));
  }

  /** Every record on {@code topic}, as partition@offset, read back from the broker. */
  private static Set<String> submissionOffsets(TestStack stack, String topic) {
    try (RecordCollector submitted = stack.collector(topic)) {
      return submitted.toEnd(Duration.ofMinutes(1)).stream()
          .map(record -> record.partition() + "@" + record.offset())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Where each committed outcome came from, as partition@offset of its submission. */
  private static List<String> outcomeOffsets(RecordCollector created, RecordCollector rejected)
      throws IOException {
    try {
      awaitOutcomes(created, rejected, ORDERS);
    } catch (ConditionTimeoutException e) {
      // Fall through: the caller's assertions name the submissions that have no outcome.
    }
    // Anything beyond one outcome per submission would be a doubled outcome: look once more.
    created.poll();
    List<String> offsets = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : created.poll()) {
      GenericRecord submission =
          (GenericRecord) Outcomes.orderCreated(record.value()).get("submission");
      offsets.add(submission.get("partition") + "@" + submission.get("offset"));
    }
    for (ConsumerRecord<byte[], byte[]> record : rejected.poll()) {
      JsonNode source = JSON.readTree(record.value()).get("source");
      offsets.add(source.get("partition").asInt() + "@" + source.get("offset").asLong());
    }
    return offsets;
  }
}
