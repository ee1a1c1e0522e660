package dev.orderflow.ops.dlq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replayed records with their progress marks in transactions of at most {@code batchSize}
 * records or {@code maxAge}: a record and its mark become visible together or not at all.
 */
final class TransactionalSender implements Sender {
  private static final Logger LOGGER = LoggerFactory.getLogger(TransactionalSender.class);

  private final Producer<byte[], byte[]> producer;
  private final ProgressTopic progress;
  private final ReplayRequest request;
  private final ReplayReport report;
  private final int batchSize;
  private final Duration maxAge;
  private final Clock clock;
  private final List<Pending> pending = new ArrayList<>();
  private Instant openedAt;

  private record Pending(Coordinates from, Future<RecordMetadata> sent) {}

  TransactionalSender(
      Producer<byte[], byte[]> producer,
      ProgressTopic progress,
      ReplayRequest request,
      ReplayReport report,
      int batchSize,
      Duration maxAge,
      Clock clock) {
    this.producer = producer;
    this.progress = progress;
    this.request = request;
    this.report = report;
    this.batchSize = batchSize;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public void send(DeadLetter letter, ProducerRecord<byte[], byte[]> record) {
    if (openedAt == null) {
      producer.beginTransaction();
      openedAt = clock.instant();
    }
    Future<RecordMetadata> sent = producer.send(record);
    producer.send(
        progress.mark(
            letter.at(), record.topic(), request.runId(), request.operator(), clock.instant()));
    pending.add(new Pending(letter.at(), sent));
    if (pending.size() >= batchSize) {
      commit();
    }
  }

  @Override
  public void commitIfDue() {
    if (openedAt != null && !clock.instant().isBefore(openedAt.plus(maxAge))) {
      commit();
    }
  }

  @Override
  public void finish() {
    if (openedAt != null) {
      commit();
    }
  }

  @Override
  public long abandon() {
    long dropped = pending.size();
    if (openedAt != null) {
      try {
        producer.abortTransaction();
      } catch (KafkaException e) {
        // Fenced or broken: the broker aborts it, at the latest when the next run starts.
        LOGGER.debug("abort failed; the next run with this transactional id aborts it", e);
      }
    }
    pending.clear();
    openedAt = null;
    return dropped;
  }

  private void commit() {
    producer.commitTransaction();
    for (Pending p : pending) {
      report.replayed(p.from(), target(p), false);
    }
    pending.clear();
    openedAt = null;
  }

  /** Committed, so every send is complete and its metadata is at hand. */
  private static String target(Pending p) {
    try {
      RecordMetadata m = p.sent().get();
      return new Coordinates(m.topic(), m.partition(), m.offset()).toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(committed)";
    } catch (ExecutionException e) {
      return "(committed)";
    }
  }
}
