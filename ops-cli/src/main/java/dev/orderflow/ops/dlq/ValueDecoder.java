package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Turns value bytes into something a person can read: Confluent-framed Avro through the registry,
 * JSON text, or the reason neither worked. Never throws for bad bytes; a dead letter is often
 * exactly the record that nothing else could read.
 */
final class ValueDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HEADER_LENGTH = 5;

  private final SchemaLookup schemas;

  ValueDecoder(SchemaLookup schemas) {
    this.schemas = schemas;
  }

  DecodedValue decode(byte[] value) {
    if (value == null) {
      return new DecodedValue.Absent();
    }
    if (value.length == 0) {
      return new DecodedValue.Undecodable("empty value (0 bytes)", value);
    }
    if (value[0] == 0) {
      return avro(value);
    }
    if (value[0] == '{' || value[0] == '[') {
      return json(value);
    }
    return new DecodedValue.Undecodable(
        "neither the Confluent wire format (first byte 0x%02x, not 0x00) nor JSON"
            .formatted(value[0]),
        value);
  }

  private DecodedValue avro(byte[] value) {
    if (value.length < HEADER_LENGTH) {
      return new DecodedValue.Undecodable(
          value.length + " bytes: shorter than the 5-byte wire-format header", value);
    }
    int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
    Schema schema;
    try {
      schema = schemas.byId(schemaId);
    } catch (RuntimeException e) {
      return new DecodedValue.Undecodable(
          "schema id " + schemaId + " could not be read from the registry: " + e.getMessage(),
          value);
    }
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(value, HEADER_LENGTH, value.length - HEADER_LENGTH, null);
      Object datum = new GenericDatumReader<>(schema).read(null, decoder);
      if (!decoder.isEnd()) {
        return new DecodedValue.Undecodable(
            "the Avro body has bytes left over after a " + schema.getName(), value);
      }
      // GenericData renders records as plain JSON (no union wrappers), which reads best.
      JsonNode tree = JSON.readTree(GenericData.get().toString(datum));
      return new DecodedValue.Avro(schemaId, schema.getName(), tree);
    } catch (IOException | RuntimeException e) {
      return new DecodedValue.Undecodable(
          "the Avro body does not decode with writer schema " + schemaId + ": " + e, value);
    }
  }

  private static DecodedValue json(byte[] value) {
    try {
      return new DecodedValue.Json(JSON.readTree(value));
    } catch (JsonProcessingException e) {
      return new DecodedValue.Undecodable(
          "starts like JSON but is not: " + e.getOriginalMessage(), value);
    } catch (IOException e) {
      return new DecodedValue.Undecodable("unreadable JSON: " + e.getMessage(), value);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }
}
