package dev.orderflow.sender.consume;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * When a record may be processed at the earliest. A record that is not yet due holds back its
 * partition only: the loop pauses that partition and seeks back to the record until it is due.
 */
@FunctionalInterface
public interface DueGate {
  DueGate ALWAYS_DUE = record -> Optional.empty();

  Optional<Instant> notBefore(ConsumerRecord<byte[], byte[]> record);
}
