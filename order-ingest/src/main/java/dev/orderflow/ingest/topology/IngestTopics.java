package dev.orderflow.ingest.topology;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.schema.OrderCreated;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The three topics with their serdes, built once from config. Submissions and rejections are raw
 * bytes on purpose: a submission must never fail to deserialize, and a rejection is JSON this
 * service writes itself. OrderCreated is serialized once, by the validation stage with {@link
 * #created()}'s serde; the dedup stage forwards those bytes through {@link #createdBytes()}.
 */
public record IngestTopics(
    Topic<byte[], byte[]> submitted,
    Topic<String, OrderCreated> created,
    Topic<byte[], byte[]> rejected) {
  public static final String SUBMITTED = "topics.orders-submitted";
  public static final String CREATED = "topics.orders-created";
  public static final String REJECTED = "topics.orders-rejected";

  public static IngestTopics from(ConfigSource config, Serde<OrderCreated> createdSerde) {
    return new IngestTopics(
        Topic.fromConfig(
            config, SUBMITTED, TopicNames.ORDERS_SUBMITTED, Serdes.ByteArray(), Serdes.ByteArray()),
        Topic.fromConfig(config, CREATED, TopicNames.ORDERS_CREATED, Serdes.String(), createdSerde),
        Topic.fromConfig(
            config, REJECTED, TopicNames.ORDERS_REJECTED, Serdes.ByteArray(), Serdes.ByteArray()));
  }

  /** The created topic as the dedup stage writes it: OrderCreated already in wire format. */
  Topic<String, byte[]> createdBytes() {
    return new Topic<>(created.name(), created.keySerde(), Serdes.ByteArray());
  }
}
