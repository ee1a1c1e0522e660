package dev.orderflow.router.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON for the pending-order store and its changelog; byte arrays travel as base64. */
final class PendingOrderSerde implements Serde<PendingOrder> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Serializer<PendingOrder> serializer() {
    return (topic, pending) -> {
      try {
        return pending == null ? null : JSON.writeValueAsBytes(pending);
      } catch (IOException e) {
        throw new SerializationException("cannot write pending order", e);
      }
    };
  }

  @Override
  public Deserializer<PendingOrder> deserializer() {
    return (topic, bytes) -> {
      try {
        return bytes == null ? null : JSON.readValue(bytes, PendingOrder.class);
      } catch (IOException e) {
        throw new SerializationException("cannot read pending order", e);
      }
    };
  }
}
