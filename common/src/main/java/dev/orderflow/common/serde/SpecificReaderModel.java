package dev.orderflow.common.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/** Reads into a generated class: reader schema = the class's schema, whatever the writer's. */
final class SpecificReaderModel<T> implements ReaderModel<T> {
  private final Class<T> type;
  private final SpecificData model;
  private final Schema schema;

  SpecificReaderModel(Class<T> type) {
    this.type = type;
    this.model = new GeneratedClassData(type);
    this.schema = model.getSchema(type);
  }

  @Override
  public Schema readerSchema(Schema writer) {
    return schema;
  }

  @Override
  public DatumReader<T> datumReader(Schema writer, Schema reader) {
    return new SpecificDatumReader<>(writer, reader, model);
  }

  @Override
  public String describe() {
    return type.getName();
  }
}
