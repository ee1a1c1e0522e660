package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.serde.AvroDeserializer;
import dev.orderflow.common.serde.WireFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns value bytes into something a person can read: Confluent-framed Avro through the registry
 * (common's deserializer, shaped as written), JSON text, or the reason neither worked. Never throws
 * for bad bytes: a dead letter is often exactly the record nothing else could read.
 */
final class ValueDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AvroDeserializer<GenericRecord> avro;

  ValueDecoder(SchemaRegistry registry) {
    this.avro = AvroDeserializer.generic(registry);
  }

  DecodedValue decode(String topic, byte[] value) {
    if (value == null) {
      return new DecodedValue.Absent();
    }
    if (value.length > 0 && (value[0] == '{' || value[0] == '[')) {
      return json(value);
    }
    try {
      GenericRecord record = avro.deserialize(topic, value);
      int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
      // GenericData renders records as plain JSON (no union wrappers), which reads best.
      return new DecodedValue.Avro(
          schemaId,
          record.getSchema().getName(),
          JSON.readTree(GenericData.get().toString(record)));
    } catch (WireFormatException e) {
      return new DecodedValue.Undecodable(e.getMessage(), value);
    } catch (IOException | RuntimeException e) {
      return new DecodedValue.Undecodable("not readable: " + e, value);
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
}
