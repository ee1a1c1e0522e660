package dev.orderflow.sender.consume;

import java.nio.ByteBuffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The ordering scope of a record: its partition and key. Records without a key each get a lane of
 * their own (they promise no order), identified by their offset.
 */
record Lane(TopicPartition partition, ByteBuffer key, long unkeyedOffset) {

  static Lane of(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    if (record.key() == null) {
      return new Lane(partition, null, record.offset());
    }
    return new Lane(partition, ByteBuffer.wrap(record.key()), -1);
  }
}
