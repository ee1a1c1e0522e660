package dev.orderflow.ingest.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the dedup store remembers of an accepted order: enough to tell a duplicate from a conflict
 * and to tell the vendor which earlier submission it collides with.
 */
record SeenOrder(
    String contentHash,
    String correlationId,
    String topic,
    int partition,
    long offset,
    long acceptedAtMillis) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static SeenOrder of(AcceptedSubmission accepted, long acceptedAtMillis) {
    return new SeenOrder(
        accepted.contentHash(),
        accepted.correlationId(),
        accepted.source().topic(),
        accepted.source().partition(),
        accepted.source().offset(),
        acceptedAtMillis);
  }

  String source() {
    return topic + "/" + partition + "@" + offset;
  }

  static Serde<SeenOrder> serde() {
    Serializer<SeenOrder> serializer =
        (topic, seen) -> {
          try {
            return seen == null ? null : JSON.writeValueAsBytes(seen);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    Deserializer<SeenOrder> deserializer =
        (topic, bytes) -> {
          try {
            return bytes == null ? null : JSON.readValue(bytes, SeenOrder.class);
          } catch (IOException e) {
            throw new UncheckedIOException("corrupt dedup store entry", e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
