package dev.orderflow.sender.delivery;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a record to a delay tier or the dead-letter topic and returns once Kafka has it. */
@FunctionalInterface
public interface Forwarder {
  void forward(ProducerRecord<byte[], byte[]> record) throws InterruptedException;
}
