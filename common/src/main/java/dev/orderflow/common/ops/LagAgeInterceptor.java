package dev.orderflow.common.ops;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;

/**
 * Installed by {@link LagAge#consumerConfig()}: tells the tracker the timestamp of the last record
 * each poll returned per partition. Kafka creates it by class name and hands it the consumer's
 * config, where the tracker itself sits under {@link LagAge#CONFIG_KEY}.
 */
public final class LagAgeInterceptor implements ConsumerInterceptor<Object, Object> {
  private LagAge tracker;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(LagAge.CONFIG_KEY) instanceof LagAge given)) {
      throw new ConfigException(LagAge.CONFIG_KEY, configs.get(LagAge.CONFIG_KEY), "a LagAge");
    }
    this.tracker = given;
  }

  @Override
  public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
    for (TopicPartition partition : records.partitions()) {
      var list = records.records(partition);
      ConsumerRecord<Object, Object> last = list.getLast();
      tracker.consumed(partition, last.timestamp());
    }
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}
}
