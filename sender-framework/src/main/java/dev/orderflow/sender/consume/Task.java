package dev.orderflow.sender.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** One record handed to a handler thread, and how that run ended. */
final class Task {
  final ConsumerRecord<byte[], byte[]> record;
  final Owned owner;
  volatile Thread thread;
  volatile boolean finished;

  Task(ConsumerRecord<byte[], byte[]> record, Owned owner) {
    this.record = record;
    this.owner = owner;
  }

  TopicPartition partition() {
    return new TopicPartition(record.topic(), record.partition());
  }
}
