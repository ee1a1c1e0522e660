package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.registry.KnownAvroClasses;
import dev.orderflow.schema.OrderCreated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** OrderCreated in the Confluent wire format with a fixed schema id: a registry-free test serde. */
final class PlainAvroSerde {
  static final int SCHEMA_ID = 42;

  private PlainAvroSerde() {}

  static Serde<OrderCreated> orderCreated() {
    Serializer<OrderCreated> serializer =
        (topic, order) -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(0);
          out.writeBytes(ByteBuffer.allocate(4).putInt(SCHEMA_ID).array());
          BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
          try {
            new SpecificDatumWriter<OrderCreated>(
                    OrderCreated.getClassSchema(), KnownAvroClasses.INSTANCE)
                .write(order, encoder);
            encoder.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return out.toByteArray();
        };
    Deserializer<OrderCreated> deserializer =
        (topic, bytes) -> {
          try {
            return new SpecificDatumReader<OrderCreated>(
                    OrderCreated.getClassSchema(),
                    OrderCreated.getClassSchema(),
                    KnownAvroClasses.INSTANCE)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
