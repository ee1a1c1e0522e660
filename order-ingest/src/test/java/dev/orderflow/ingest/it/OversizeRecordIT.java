package dev.orderflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the broker accepts but whose rejection could not be written (its bytes plus the vendor's
 * headers, or a topic limit below what the service writes), followed by a valid order: the record
 * gets its one rejection, the valid order is created, and intake never stops. Before the outgoing
 * size check one such record shut the Streams client down (readiness DOWN for good, and a restart
 * stopped again on the same record).
 */
@RealStack
class OversizeRecordIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path workDir;

  @Test
  void aRecordWhoseRejectionWouldExceedTheLimitIsRejectedAndTheNextOrderCreatedWhileReady(
      TestStack stack) throws Exception {
    // Given the service is ready
    IngestNames names = IngestNames.of(stack);
    stack.createTopics(3, names.submitted(), names.created(), names.rejected());
    try (IngestProcess service = IngestProcess.on(stack, names, workDir).start();
        RecordCollector created = stack.collector(names.created());
        RecordCollector rejected = stack.collector(names.rejected())) {
      service.awaitReady();
      // When a vendor sends 600 kB of value with 400 kB of headers (just under the broker's 1 MiB;
      // the rejection would carry 512 KiB of it as base64 and, before, every header), then an order
      KafkaProducer<byte[], byte[]> producer = stack.producer();
      producer.send(oversizeRejection(names.submitted())).get();
      producer.send(validOrder(names.submitted(), "ORD-AFTER")).get();

      // Then both have their outcome, and readiness answered 200 at every look meanwhile
      List<Integer> readiness = awaitOneEach(service, created, rejected, "/health/ready");
      readiness.add(service.status("/health/ready"));
      assertThat(readiness).containsOnly(200);
      ConsumerRecord<byte[], byte[]> rejection = rejected.records().get(0);
      assertThat(Outcomes.header(rejection, HeaderNames.REJECT_REASON))
          .isEqualTo("RECORD_TOO_LARGE");
      assertThat(rejection.headers().lastHeader("vendor-blob-0")).isNull();
      JsonNode body = JSON.readTree(rejection.value());
      assertThat(body.at("/droppedHeaders/count").asInt()).isEqualTo(400);
      assertThat(body.at("/original/sizeBytes").asInt()).isEqualTo(600_000);
      assertThat(new String(created.records().get(0).key(), StandardCharsets.UTF_8))
          .isEqualTo("vendor-it:ORD-AFTER");
    }
  }

  @Test
  void aRejectionTheBrokerRefusesAsTooLargeIsWrittenCompactAndIntakeGoesOn(TestStack stack)
      throws Exception {
    // Given a rejection topic that takes at most 100 kB per record, which the service is not told
    IngestNames names = IngestNames.of(stack);
    stack.createTopics(3, names.submitted(), names.created());
    stack
        .admin()
        .createTopics(
            List.of(
                new NewTopic(names.rejected(), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", "100000"))))
        .all()
        .get();
    try (IngestProcess service = IngestProcess.on(stack, names, workDir).start();
        RecordCollector created = stack.collector(names.created());
        RecordCollector rejected = stack.collector(names.rejected())) {
      service.awaitReady();
      // When a 300 kB value is sent (its full rejection is ~400 kB), then a valid order
      KafkaProducer<byte[], byte[]> producer = stack.producer();
      byte[] value = new byte[300_000];
      value[0] = '{';
      producer.send(new ProducerRecord<>(names.submitted(), Samples.utf8("big"), value)).get();
      producer.send(validOrder(names.submitted(), "ORD-AFTER")).get();

      // Then the broker's refusal is answered by one compact rejection, the order is created,
      // and the service stayed live (its stream thread was replaced, not the client stopped)
      List<Integer> liveness = awaitOneEach(service, created, rejected, "/health/live");
      assertThat(liveness).containsOnly(200);
      JsonNode body = JSON.readTree(rejected.records().get(0).value());
      assertThat(body.get("compact").asBoolean()).isTrue();
      assertThat(body.at("/reasons/0/code").asText()).isEqualTo("OUTCOME_UNDELIVERABLE");
      assertThat(body.at("/original/sizeBytes").asInt()).isEqualTo(300_000);
      await("ready again").atMost(WAIT).until(() -> service.status("/health/ready") == 200);
      assertThat(created.poll()).hasSize(1);
      assertThat(rejected.poll()).hasSize(1);
    }
  }

  /**
   * Polls both outputs until each holds one record, looking at the health endpoint {@code path} on
   * every round; returns what it answered. On a timeout the service's log says why.
   */
  private static List<Integer> awaitOneEach(
      IngestProcess service, RecordCollector created, RecordCollector rejected, String path) {
    List<Integer> statuses = new ArrayList<>();
    try {
      await("one OrderCreated and one rejection")
          .atMost(WAIT)
          .pollInSameThread()
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                statuses.add(service.status(path));
                return created.poll().size() == 1 & rejected.poll().size() == 1;
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; service log:\n" + service.logTail(6000), e);
    }
    return statuses;
  }

  private static ProducerRecord<byte[], byte[]> oversizeRejection(String topic) {
    RecordHeaders headers = new RecordHeaders();
    for (int i = 0; i < 400; i++) {
      headers.add("vendor-blob-" + i, new byte[1000]);
    }
    byte[] value = new byte[600_000];
    value[0] = '{';
    return new ProducerRecord<>(topic, null, Samples.utf8("big"), value, headers);
  }

  private static ProducerRecord<byte[], byte[]> validOrder(String topic, String orderId) {
    return new ProducerRecord<>(
        topic,
        Samples.utf8(orderId),
        Samples.bytes(Samples.jsonOrder("vendor-it", orderId, Instant.now())));
  }
}
