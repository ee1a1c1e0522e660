package dev.orderflow.sender.delivery;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Forwarder} on a shared idempotent producer. It waits for the acknowledgement, so the
 * source offset is committed only after the copy is durable, and it keeps trying (after a growing
 * pause) rather than drop a record while Kafka is unavailable; shutdown interrupts it. A write that
 * can never succeed (too large, not authorized) is not retried: it is {@linkplain Refused refused}
 * back to the caller.
 */
public final class KafkaForwarder implements Forwarder {
  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaForwarder.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  /** From 250 ms doubling to 10 s, half jittered: many handlers forward into one outage. */
  static final Backoff BACKOFF =
      Backoff.exponential(Duration.ofMillis(250), Duration.ofSeconds(10)).withJitter(0.5);

  private final Producer<byte[], byte[]> producer;
  private final Backoff backoff;
  private final Sleeper sleeper;

  public KafkaForwarder(Producer<byte[], byte[]> producer) {
    this(producer, BACKOFF, Sleeper.REAL);
  }

  KafkaForwarder(Producer<byte[], byte[]> producer, Backoff backoff, Sleeper sleeper) {
    this.producer = producer;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  @Override
  public void forward(ProducerRecord<byte[], byte[]> record) throws InterruptedException, Refused {
    for (int retry = 1; ; retry++) {
      Throwable failure;
      try {
        producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        failure = e.getCause() == null ? e : e.getCause();
      } catch (TimeoutException | RuntimeException e) {
        failure = e;
      }
      Optional<Refused> refused = Refused.of(record.topic(), failure);
      if (refused.isPresent()) {
        LOGGER.error("forward to {} refused for good: {}", record.topic(), failure.toString());
        throw refused.get();
      }
      Duration pause = backoff.pauseBefore(retry);
      LOGGER.warn("forward to {} failed; retrying in {}", record.topic(), pause, failure);
      sleeper.sleep(pause);
    }
  }
}
