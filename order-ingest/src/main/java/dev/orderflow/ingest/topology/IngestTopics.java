package dev.orderflow.ingest.topology;

import dev.orderflow.common.kafka.Topic;
import dev.orderflow.schema.OrderCreated;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The three topics with their serdes. Submissions and rejections are raw bytes on purpose: a
 * submission must never fail to deserialize, and a rejection is JSON this service writes itself.
 */
public record IngestTopics(
    Topic<byte[], byte[]> submitted,
    Topic<String, OrderCreated> created,
    Topic<byte[], byte[]> rejected) {

  public static IngestTopics of(
      String submitted, String created, String rejected, Serde<OrderCreated> createdSerde) {
    return new IngestTopics(
        new Topic<>(submitted, Serdes.ByteArray(), Serdes.ByteArray()),
        new Topic<>(created, Serdes.String(), createdSerde),
        new Topic<>(rejected, Serdes.ByteArray(), Serdes.ByteArray()));
  }
}
