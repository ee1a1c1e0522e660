package dev.orderflow.ingest.registry;

import dev.orderflow.schema.OrderCreated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** OrderCreated in the Confluent wire format, subject {@code <topic>-value} (TopicNameStrategy). */
public final class OrderCreatedSerde {
  private static final Schema SCHEMA = OrderCreated.getClassSchema();

  private OrderCreatedSerde() {}

  public static Serde<OrderCreated> create(RegistryClient registry) {
    Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();
    SpecificDatumWriter<OrderCreated> writer =
        new SpecificDatumWriter<>(SCHEMA, KnownAvroClasses.INSTANCE);
    Serializer<OrderCreated> serializer =
        (topic, order) -> {
          if (order == null) {
            return null;
          }
          int id = idsByTopic.computeIfAbsent(topic, t -> lookUp(registry, t + "-value"));
          ByteArrayOutputStream out = new ByteArrayOutputStream(512);
          out.write(0);
          out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
          BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
          try {
            writer.write(order, encoder);
            encoder.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out.toByteArray();
        };
    Deserializer<OrderCreated> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
          try {
            Schema writerSchema =
                registry
                    .schemaById(id)
                    .orElseThrow(() -> new SerializationException("unknown schema id " + id));
            return new SpecificDatumReader<OrderCreated>(
                    writerSchema, SCHEMA, KnownAvroClasses.INSTANCE)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
          } catch (IOException e) {
            throw new SerializationException("cannot read OrderCreated", e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }

  private static int lookUp(RegistryClient registry, String subject) {
    try {
      return registry.idFor(subject, SCHEMA);
    } catch (IOException e) {
      throw new SerializationException("schema registry: no id for " + subject, e);
    }
  }
}
