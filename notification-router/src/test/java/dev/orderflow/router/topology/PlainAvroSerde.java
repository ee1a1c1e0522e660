package dev.orderflow.router.topology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Avro binary without a registry, standing in for the wire-format serde in driver tests. */
final class PlainAvroSerde<T extends SpecificRecord> implements Serde<T> {
  static {
    // Avro 1.12 instantiates only trusted classes; the generated contract classes are ours.
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            ClassSecurityValidator.getGlobal(),
            type -> type.getPackageName().equals("dev.orderflow.schema")));
  }

  private final Schema schema;

  PlainAvroSerde(Schema schema) {
    this.schema = schema;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      try {
        new SpecificDatumWriter<T>(schema).write(value, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new SerializationException(e);
      }
      return out.toByteArray();
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      try {
        return new SpecificDatumReader<T>(schema)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
      } catch (IOException | RuntimeException e) {
        throw new SerializationException("not a " + schema.getName() + " on " + topic, e);
      }
    };
  }
}
