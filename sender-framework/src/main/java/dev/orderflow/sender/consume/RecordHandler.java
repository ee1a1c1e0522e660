package dev.orderflow.sender.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one record on its own virtual thread. Returning normally means the record is finished
 * and its offset may be committed; {@link InterruptedException} means it was abandoned (shutdown or
 * revocation) and will be redelivered; any other exception is a bug and the record is retried.
 */
@FunctionalInterface
public interface RecordHandler {
  void handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException;
}
