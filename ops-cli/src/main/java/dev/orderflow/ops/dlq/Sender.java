package dev.orderflow.ops.dlq;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Where a replay's records go: to Kafka in transactions, or, for --dry-run, only to the screen. */
interface Sender {
  void send(DeadLetter letter, ProducerRecord<byte[], byte[]> record);

  /** Commits the open batch if it is old enough; called while scanning too. */
  void commitIfDue();

  /** Commits what is open. */
  void finish();

  /** Drops what is open (it was never visible) and returns how many records that was. */
  long abandon();
}
