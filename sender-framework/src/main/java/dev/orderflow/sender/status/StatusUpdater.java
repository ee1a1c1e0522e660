package dev.orderflow.sender.status;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.sender.metrics.SenderMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status topic's consume loop: decode, apply, commit after each batch (at least once; applying
 * is idempotent). A ledger or Kafka failure retries the same status with backoff until it applies
 * or the updater stops, so an outage delays statuses and loses none. A record that does not decode
 * after {@link #DECODE_ATTEMPTS} tries is counted and skipped: it stays in the status topic.
 */
public final class StatusUpdater implements Runnable, AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(StatusUpdater.class);
  static final int DECODE_ATTEMPTS = 5;
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final Topic<byte[], DeliveryStatus> statuses;
  private final StatusApplier applier;
  private final SenderMetrics metrics;
  private final Sleeper sleeper;
  private final Backoff backoff =
      Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(30)).withJitter(0.5);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile Thread thread;

  public StatusUpdater(
      Consumer<byte[], byte[]> consumer,
      Topic<byte[], DeliveryStatus> statuses,
      StatusApplier applier,
      SenderMetrics metrics,
      Sleeper sleeper) {
    this.consumer = consumer;
    this.statuses = statuses;
    this.applier = applier;
    this.metrics = metrics;
    this.sleeper = sleeper;
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      consumer.subscribe(List.of(statuses.name()));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
          handle(record);
        }
        if (!records.isEmpty()) {
          commit();
        }
      }
    } catch (InterruptedException | WakeupException | InterruptException e) {
      LOGGER.info("status updater stopping");
    } finally {
      Thread.interrupted(); // so that the consumer can leave its group cleanly
      consumer.close(Duration.ofSeconds(5));
      stopped.countDown();
    }
  }

  /** Live while the loop runs (or has not been asked to stop). */
  public boolean live() {
    return stopped.getCount() > 0;
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    DeliveryStatus status = decode(record);
    if (status == null) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        applier.apply(status);
        return;
      } catch (RuntimeException e) {
        if (!running) {
          throw new InterruptedException("stopping with a status not applied");
        }
        Duration pause = backoff.pauseBefore(attempt);
        LOGGER.warn(
            "status not applied (attempt {}), retrying in {} messageId={}",
            attempt,
            pause,
            status.getMessageId(),
            e);
        sleeper.sleep(pause);
      }
    }
  }

  private DeliveryStatus decode(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return statuses.value(record);
      } catch (RuntimeException e) {
        if (attempt >= DECODE_ATTEMPTS) {
          metrics.status("unknown", "undecodable");
          LOGGER.error(
              "status record does not decode, skipped (it stays in the topic) source={}-{}@{}",
              record.topic(),
              record.partition(),
              record.offset(),
              e);
          return null;
        }
        sleeper.sleep(backoff.pauseBefore(attempt));
      }
    }
  }

  private void commit() {
    try {
      consumer.commitSync();
    } catch (CommitFailedException e) {
      // Partitions moved meanwhile: their new owner applies these statuses again, harmlessly.
      LOGGER.info("status commit refused after a rebalance: {}", e.getMessage());
    }
  }

  /** Stops the loop and waits for it to close its consumer. */
  @Override
  public void close() {
    running = false;
    Thread loop = thread;
    if (loop == null) {
      return; // never started
    }
    consumer.wakeup();
    loop.interrupt();
    try {
      if (!stopped.await(10, TimeUnit.SECONDS)) {
        LOGGER.warn("status updater did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
