package dev.orderflow.common.kafka;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A topic with the serdes of its key and value, built once at start-up so that business code never
 * names a serde: {@code ORDERS.record(orderId, order)}, {@code ORDERS.value(consumerRecord)}.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  public Topic {
    if (name == null || !LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "topic name: expected 1 to 249 of [A-Za-z0-9._-], got '" + name + "'");
    }
    if (keySerde == null || valueSerde == null) {
      throw new IllegalArgumentException("topic " + name + ": key and value serdes are required");
    }
  }

  /**
   * The topic named by config key {@code key} (e.g. {@code topics.orders-created}), or the default.
   */
  public static <K, V> Topic<K, V> fromConfig(
      ConfigSource source, String key, String defaultName, Serde<K> keySerde, Serde<V> valueSerde) {
    String name = source.string(key, defaultName);
    try {
      return new Topic<>(name, keySerde, valueSerde);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "a topic name of 1 to 249 of [A-Za-z0-9._-]", name);
    }
  }

  public Serializer<K> keySerializer() {
    return keySerde.serializer();
  }

  public Serializer<V> valueSerializer() {
    return valueSerde.serializer();
  }

  public Deserializer<K> keyDeserializer() {
    return keySerde.deserializer();
  }

  public Deserializer<V> valueDeserializer() {
    return valueSerde.deserializer();
  }

  public ProducerRecord<K, V> record(K key, V value) {
    return new ProducerRecord<>(name, key, value);
  }

  public ProducerRecord<K, V> record(K key, V value, Iterable<Header> headers) {
    return new ProducerRecord<>(name, null, key, value, headers);
  }

  /**
   * Decodes the key of a record consumed as bytes, by a consumer that keeps the bytes as well (to
   * dead-letter them unchanged, say, or to compare them in a test).
   */
  public K key(ConsumerRecord<byte[], byte[]> record) {
    return keySerde.deserializer().deserialize(record.topic(), record.headers(), record.key());
  }

  /** Decodes the value of a record consumed as bytes; a bad payload throws the serde's error. */
  public V value(ConsumerRecord<byte[], byte[]> record) {
    return valueSerde.deserializer().deserialize(record.topic(), record.headers(), record.value());
  }
}
