package dev.orderflow.common.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;

/** Reads into GenericRecords shaped exactly as written: reader schema = writer schema. */
final class GenericReaderModel implements ReaderModel<GenericRecord> {

  @Override
  public Schema readerSchema(Schema writer) {
    return writer;
  }

  @Override
  public DatumReader<GenericRecord> datumReader(Schema writer, Schema reader) {
    return new GenericDatumReader<>(writer, reader, GenericData.get());
  }

  @Override
  public String describe() {
    return "GenericRecord";
  }
}
