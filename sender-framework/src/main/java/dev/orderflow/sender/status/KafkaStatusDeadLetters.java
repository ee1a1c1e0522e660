package dev.orderflow.sender.status;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.ledger.StatusResult;
import dev.orderflow.sender.retry.HopRecords;
import dev.orderflow.sender.retry.RetryState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes the dead letter for a delivery that failed after the send: the record the notification was
 * sent from, read back at the coordinates the ledger kept with SENT, with the usual {@code dlq.*}
 * headers (class PERMANENT, Meta's code and title) and the failed message id.
 */
public final class KafkaStatusDeadLetters implements StatusApplier.DeadLetters {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Consumer<byte[], byte[]> reader;
  private final Producer<byte[], byte[]> producer;
  private final HopRecords hopRecords;
  private final String deadLetterTopic;
  private final Clock clock;

  public KafkaStatusDeadLetters(
      Consumer<byte[], byte[]> reader,
      Producer<byte[], byte[]> producer,
      HopRecords hopRecords,
      String deadLetterTopic,
      Clock clock) {
    this.reader = reader;
    this.producer = producer;
    this.hopRecords = hopRecords;
    this.deadLetterTopic = deadLetterTopic;
    this.clock = clock;
  }

  @Override
  public boolean deadLetter(String notificationId, DeliveryStatus status, StatusResult.Failed f)
      throws InterruptedException {
    Optional<ConsumerRecord<byte[], byte[]>> source =
        f.source() == null ? Optional.empty() : read(f.source());
    if (source.isEmpty()) {
      return false;
    }
    ConsumerRecord<byte[], byte[]> record = source.get();
    Instant now = clock.instant();
    ProducerRecord<byte[], byte[]> letter =
        hopRecords.toDeadLetter(
            record, deadLetterTopic, failure(status), RetryState.of(record), now);
    letter
        .headers()
        .add(
            HeaderNames.DLQ_PLATFORM_MESSAGE_ID,
            status.getMessageId().getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(letter).get();
    } catch (ExecutionException e) {
      throw new KafkaException("dead letter for " + notificationId + " not written", e.getCause());
    }
    return true;
  }

  private static SendOutcome.Failed failure(DeliveryStatus status) {
    Integer code = StatusApplier.firstError(status).map(e -> e.getCode()).orElse(null);
    String message =
        "delivery failed after the send (status webhook): " + StatusApplier.update(status).error();
    return new SendOutcome.Failed(
        ErrorClass.PERMANENT, new MetaError(0, code, null, message, null), false);
  }

  private Optional<ConsumerRecord<byte[], byte[]>> read(RecordCoordinates at) {
    TopicPartition partition = new TopicPartition(at.topic(), at.partition());
    reader.assign(List.of(partition));
    reader.seek(partition, at.offset());
    Instant deadline = clock.instant().plus(READ_TIMEOUT);
    while (clock.instant().isBefore(deadline)) {
      for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
        // The first record at or after the offset: another one means the original is gone.
        return record.offset() == at.offset() ? Optional.of(record) : Optional.empty();
      }
      if (reader.position(partition) > at.offset()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
