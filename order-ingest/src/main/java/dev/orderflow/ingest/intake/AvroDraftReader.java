package dev.orderflow.ingest.intake;

import dev.orderflow.ingest.validation.DraftOrder;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmittedOrder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads an Avro {@code SubmittedOrder} in the Confluent wire format: magic byte 0, a 4-byte
 * big-endian schema id, then Avro binary written with that schema. The writer schema is resolved
 * against the SubmittedOrder this service was built with, so any BACKWARD-compatible version works.
 */
final class AvroDraftReader {
  static final byte MAGIC_BYTE = 0;
  private static final int HEADER_BYTES = 5;
  private static final Schema READER_SCHEMA = SubmittedOrder.getClassSchema();

  private final WriterSchemas writerSchemas;
  private final Map<Integer, Resolution> resolutions = new ConcurrentHashMap<>();

  /** Per writer schema: a datum reader, or why that schema cannot be read as a SubmittedOrder. */
  private record Resolution(Utf8PreservingReader reader, String incompatibility) {}

  AvroDraftReader(WriterSchemas writerSchemas) {
    this.writerSchemas = writerSchemas;
  }

  ParseResult read(byte[] value) {
    if (value.length < HEADER_BYTES) {
      return unreadable(
          ReasonCode.MALFORMED_AVRO,
          "The record starts with the Avro magic byte 0 but has only "
              + value.length
              + " bytes; the Confluent wire format needs 5 header bytes (0 and a 4-byte schema"
              + " id) before the data.",
          null);
    }
    int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
    Optional<Resolution> resolution = resolve(schemaId);
    if (resolution.isEmpty()) {
      return unreadable(
          ReasonCode.UNKNOWN_SCHEMA_ID,
          "The record names schema id "
              + schemaId
              + ", which the schema registry does not know; register the schema and produce with"
              + " the id the registry gives.",
          schemaId);
    }
    if (resolution.get().incompatibility() != null) {
      return unreadable(
          ReasonCode.INCOMPATIBLE_SCHEMA, resolution.get().incompatibility(), schemaId);
    }
    return decode(resolution.get().reader(), value, schemaId);
  }

  private Optional<Resolution> resolve(int schemaId) {
    Resolution known = resolutions.get(schemaId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Resolution> resolved = writerSchemas.byId(schemaId).map(AvroDraftReader::resolution);
    resolved.ifPresent(r -> resolutions.put(schemaId, r));
    return resolved;
  }

  private static Resolution resolution(Schema writer) {
    var result = SchemaCompatibility.checkReaderWriterCompatibility(READER_SCHEMA, writer);
    if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return new Resolution(new Utf8PreservingReader(writer, READER_SCHEMA), null);
    }
    return new Resolution(
        null,
        "The record was written with schema "
            + writer.getFullName()
            + ", which cannot be read as dev.orderflow.schema.SubmittedOrder: "
            + result.getResult().getIncompatibilities().stream()
                .map(i -> i.getMessage() + " at " + i.getLocation())
                .toList());
  }

  private static ParseResult decode(Utf8PreservingReader reader, byte[] value, int schemaId) {
    BinaryDecoder decoder =
        DecoderFactory.get().binaryDecoder(value, HEADER_BYTES, value.length - HEADER_BYTES, null);
    GenericRecord record;
    try {
      record = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        return unreadable(
            ReasonCode.MALFORMED_AVRO,
            "The Avro data has bytes left over after the order; was it written with schema id "
                + schemaId
                + "?",
            schemaId);
      }
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      return unreadable(
          ReasonCode.MALFORMED_AVRO,
          "The Avro data cannot be decoded with schema id " + schemaId + ": " + e.getMessage(),
          schemaId);
    }
    DraftOrder draft = AvroFields.draft(record);
    return new ParseResult.Readable(draft, SubmissionFormat.AVRO, schemaId);
  }

  private static ParseResult unreadable(ReasonCode code, String message, Integer schemaId) {
    return new ParseResult.Unreadable(
        List.of(Reason.ofRecord(code, message)), SubmissionFormat.AVRO, schemaId);
  }
}
