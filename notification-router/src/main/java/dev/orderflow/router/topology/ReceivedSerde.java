package dev.orderflow.router.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Decodes with the given deserializer and keeps the bytes. Failures (and a missing value) are
 * thrown from here so the Streams deserialization handler sends the bytes to the dead-letter topic.
 */
final class ReceivedSerde<T> implements Serde<Received<T>> {
  private final Deserializer<T> inner;

  ReceivedSerde(Deserializer<T> inner) {
    this.inner = inner;
  }

  @Override
  public Serializer<Received<T>> serializer() {
    return (topic, received) -> received == null ? null : received.raw();
  }

  @Override
  public Deserializer<Received<T>> deserializer() {
    return new Deserializer<>() {
      @Override
      public Received<T> deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
      }

      @Override
      public Received<T> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
          throw new SerializationException("record on " + topic + " has no value");
        }
        T value =
            headers == null
                ? inner.deserialize(topic, data)
                : inner.deserialize(topic, headers, data);
        if (value == null) {
          throw new SerializationException("record on " + topic + " decoded to nothing");
        }
        return new Received<>(data, value);
      }
    };
  }
}
