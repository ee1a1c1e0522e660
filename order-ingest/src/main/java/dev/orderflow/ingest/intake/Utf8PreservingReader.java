package dev.orderflow.ingest.intake;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.Decoder;

/**
 * A generic reader hardened for untrusted bytes. Strings stay raw {@code Utf8} bytes so that
 * invalid UTF-8 can be reported (the stock reader would turn it into U+FFFD). Array capacity is not
 * taken on trust from the data: a forged item count of two billion would otherwise allocate before
 * the decoder notices the bytes are not there.
 */
final class Utf8PreservingReader extends GenericDatumReader<GenericRecord> {
  private static final int MAX_INITIAL_ARRAY_CAPACITY = 256;

  Utf8PreservingReader(Schema writer, Schema reader) {
    super(writer, reader, plainGenericData());
  }

  /** The fast reader would bypass the overrides below, so this reader's data model turns it off. */
  private static GenericData plainGenericData() {
    GenericData data = new GenericData();
    data.setFastReaderEnabled(false);
    return data;
  }

  @Override
  protected Object readString(Object old, Schema expected, Decoder in) throws IOException {
    return in.readString(null);
  }

  @Override
  protected Object newArray(Object old, int size, Schema schema) {
    return super.newArray(old, Math.min(size, MAX_INITIAL_ARRAY_CAPACITY), schema);
  }
}
