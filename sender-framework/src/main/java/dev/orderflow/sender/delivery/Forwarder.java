package dev.orderflow.sender.delivery;

import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/** Writes a record to a delay tier or the dead-letter topic and returns once Kafka has it. */
@FunctionalInterface
public interface Forwarder {
  /**
   * Returns once the record is durable; waits out anything that may heal (a broker away, a leader
   * moving).
   *
   * @throws Refused when Kafka will never take this record there, however often it is asked
   */
  void forward(ProducerRecord<byte[], byte[]> record) throws InterruptedException, Refused;

  /**
   * Kafka refuses the write for good: either this record ({@link #perRecord()}: too large, invalid
   * for the topic; a smaller, compact copy may still go through), or every record to that topic
   * (authorization, authentication, a topic name the broker rejects: a deployment fault).
   */
  final class Refused extends Exception {
    private final String topic;
    private final boolean perRecord;

    public Refused(String topic, boolean perRecord, Throwable cause) {
      super(topic + " refused the record: " + cause, cause);
      this.topic = topic;
      this.perRecord = perRecord;
    }

    public String topic() {
      return topic;
    }

    public boolean perRecord() {
      return perRecord;
    }

    /** The refusal {@code failure} amounts to, or empty when a later try may succeed. */
    public static Optional<Refused> of(String topic, Throwable failure) {
      if (failure instanceof RecordTooLargeException
          || failure instanceof RecordBatchTooLargeException
          || failure instanceof InvalidRecordException
          || failure instanceof InvalidTimestampException) {
        return Optional.of(new Refused(topic, true, failure));
      }
      if (failure instanceof AuthorizationException
          || failure instanceof AuthenticationException
          || failure instanceof InvalidTopicException) {
        return Optional.of(new Refused(topic, false, failure));
      }
      return Optional.empty();
    }
  }
}
