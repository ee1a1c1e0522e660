package dev.orderflow.ingest.topology;

import dev.orderflow.schema.OrderCreated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A valid order on its way to deduplication: the OrderCreated to publish, plus what a duplicate or
 * conflict rejection needs (the submitted bytes and their record time). It only travels through
 * this service's own repartition topic, so it is framed by hand with plain Avro binary (no
 * registry): version byte, record time, length of the OrderCreated, the OrderCreated, the original
 * bytes.
 */
record AcceptedSubmission(OrderCreated order, long sourceTimestamp, byte[] original) {
  private static final org.apache.avro.Schema SCHEMA = OrderCreated.getClassSchema();
  // Shared: building a datum writer or reader per record costs more than the encoding itself.
  private static final SpecificDatumWriter<OrderCreated> WRITER =
      new SpecificDatumWriter<>(SCHEMA, KnownAvroClasses.INSTANCE);
  private static final SpecificDatumReader<OrderCreated> READER =
      new SpecificDatumReader<>(SCHEMA, SCHEMA, KnownAvroClasses.INSTANCE);
  private static final byte VERSION = 1;
  private static final int FIXED_BYTES = 1 + Long.BYTES + Integer.BYTES;

  byte[] toBytes() {
    ByteArrayOutputStream avro = new ByteArrayOutputStream(512);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
    try {
      new SpecificDatumWriter<OrderCreated>(SCHEMA, KnownAvroClasses.INSTANCE)
          .write(order, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return ByteBuffer.allocate(FIXED_BYTES + avro.size() + original.length)
        .put(VERSION)
        .putLong(sourceTimestamp)
        .putInt(avro.size())
        .put(avro.toByteArray())
        .put(original)
        .array();
  }

  static AcceptedSubmission fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte version = buffer.get();
    if (version != VERSION) {
      throw new IllegalStateException("unknown AcceptedSubmission version " + version);
    }
    long sourceTimestamp = buffer.getLong();
    int avroLength = buffer.getInt();
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(bytes, FIXED_BYTES, avroLength, null);
    OrderCreated order;
    try {
      order = READER.read(null, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt AcceptedSubmission", e);
    }
    int originalStart = FIXED_BYTES + avroLength;
    byte[] original = new byte[bytes.length - originalStart];
    System.arraycopy(bytes, originalStart, original, 0, original.length);
    return new AcceptedSubmission(order, sourceTimestamp, original);
  }
}
