package dev.orderflow.common.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/** How a deserializer turns a writer schema into the objects it hands out. */
sealed interface ReaderModel<T> permits SpecificReaderModel, GenericReaderModel {

  /** The schema to resolve the writer's data into. */
  Schema readerSchema(Schema writer);

  /** A thread-safe reader from writer to reader schema (Avro's ResolvingDecoder does the work). */
  DatumReader<T> datumReader(Schema writer, Schema reader);

  /** The objects produced, for error messages. */
  String describe();
}
