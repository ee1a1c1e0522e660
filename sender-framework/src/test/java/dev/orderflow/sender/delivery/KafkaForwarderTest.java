package dev.orderflow.sender.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.sender.fakes.FakeSleeper;
import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** What may heal is waited out (through the Sleeper); what never will is refused at once. */
class KafkaForwarderTest {
  private static final String TOPIC = "notify.whatsapp.retry.30s";

  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final FakeSleeper sleeper = new FakeSleeper(clock);
  private final ScriptedProducer producer = new ScriptedProducer();
  private final KafkaForwarder forwarder =
      new KafkaForwarder(
          producer, Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(10)), sleeper);
  private final ProducerRecord<byte[], byte[]> record =
      new ProducerRecord<>(TOPIC, "k".getBytes(), "v".getBytes());

  @Test
  void aBrokerHiccupIsRetriedAfterGrowingPausesUntilItIsTaken() throws Exception {
    producer.failNext(new NotLeaderOrFollowerException("moving"));
    producer.failNext(new NotLeaderOrFollowerException("moving"));

    forwarder.forward(record);

    assertThat(producer.sends).isEqualTo(3);
    assertThat(sleeper.pauses()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void aRecordTooLargeIsRefusedForThisRecordAloneWithoutARetry() {
    producer.failNext(new RecordTooLargeException("1048600 bytes"));

    Forwarder.Refused refused =
        catchThrowableOfType(Forwarder.Refused.class, () -> forwarder.forward(record));

    assertThat(refused.perRecord()).isTrue();
    assertThat(refused.topic()).isEqualTo(TOPIC);
    assertThat(producer.sends).isEqualTo(1);
    assertThat(sleeper.pauses()).isEmpty();
  }

  @Test
  void anAuthorizationFailureIsRefusedForTheWholeTopicWithoutARetry() {
    producer.failNext(new TopicAuthorizationException(Set.of(TOPIC)));

    Forwarder.Refused refused =
        catchThrowableOfType(Forwarder.Refused.class, () -> forwarder.forward(record));

    assertThat(refused.perRecord()).isFalse();
    assertThat(producer.sends).isEqualTo(1);
    assertThat(sleeper.pauses()).isEmpty();
  }

  /** Answers each send with the next scripted failure, then with success. */
  private static final class ScriptedProducer extends MockProducer<byte[], byte[]> {
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    int sends;

    ScriptedProducer() {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    void failNext(RuntimeException failure) {
      failures.add(failure);
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
      sends++;
      RuntimeException failure = failures.poll();
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      return CompletableFuture.completedFuture(
          new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0));
    }
  }
}
