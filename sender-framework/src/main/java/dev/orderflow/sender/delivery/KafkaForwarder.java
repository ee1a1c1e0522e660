package dev.orderflow.sender.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Forwarder} on a shared idempotent producer. It waits for the acknowledgement, so the
 * source offset is committed only after the copy is durable, and it keeps trying (with a pause)
 * rather than drop a record while Kafka is unavailable; shutdown interrupts it.
 */
public final class KafkaForwarder implements Forwarder {
  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaForwarder.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PAUSE = Duration.ofSeconds(1);

  private final Producer<byte[], byte[]> producer;

  public KafkaForwarder(Producer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  @Override
  public void forward(ProducerRecord<byte[], byte[]> record) throws InterruptedException {
    while (true) {
      try {
        producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        LOGGER.warn("forward to {} failed; retrying in {}", record.topic(), PAUSE, e);
        Thread.sleep(PAUSE);
      }
    }
  }
}
