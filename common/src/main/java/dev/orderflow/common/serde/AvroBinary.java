package dev.orderflow.common.serde;

import static dev.orderflow.common.serde.WireFormatException.Kind.INVALID_RECORD;
import static dev.orderflow.common.serde.WireFormatException.Kind.MALFORMED_PAYLOAD;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.OptionalInt;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** Avro binary bodies after the 5-byte header; every Avro failure becomes a WireFormatException. */
final class AvroBinary {
  private AvroBinary() {}

  /** The datum encoded after five zero bytes that {@link WireFormat#writeHeader} fills in later. */
  static <T> byte[] encodeAfterHeader(String topic, DatumWriter<T> writer, T datum) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(new byte[WireFormat.HEADER_LENGTH]);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      writer.write(datum, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      // Avro reports a null in a non-null field as an NPE and a wrong type as a ClassCastException.
      throw new WireFormatException(
          INVALID_RECORD,
          topic,
          OptionalInt.empty(),
          "%s does not fit its schema: %s".formatted(datum.getClass().getName(), e),
          e);
    }
    return out.toByteArray();
  }

  /** The datum in data after the header; the body must be consumed exactly, no byte left over. */
  static <T> T decode(String topic, int schemaId, DatumReader<T> reader, byte[] data) {
    int bodyLength = data.length - WireFormat.HEADER_LENGTH;
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, bodyLength, null);
    T value;
    try {
      value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw malformed(
            topic,
            schemaId,
            data,
            "%d bytes left over".formatted(decoder.inputStream().available()),
            null);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof WireFormatException wire) {
        throw wire;
      }
      // Truncated or random bytes surface as EOFException, AvroRuntimeException, index errors…
      throw malformed(topic, schemaId, data, e.toString(), e);
    }
    return value;
  }

  private static WireFormatException malformed(
      String topic, int schemaId, byte[] data, String problem, Throwable cause) {
    return new WireFormatException(
        MALFORMED_PAYLOAD,
        topic,
        OptionalInt.of(schemaId),
        "the %d-byte Avro body does not decode with writer schema %d: %s"
            .formatted(data.length - WireFormat.HEADER_LENGTH, schemaId, problem),
        cause);
  }
}
