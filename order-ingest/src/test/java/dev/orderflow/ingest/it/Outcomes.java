package dev.orderflow.ingest.it;

import dev.orderflow.schema.OrderCreated;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading the service's outcome records in tests. */
final class Outcomes {
  private Outcomes() {}

  /** An OrderCreated value (Confluent framing skipped), read generically. */
  static GenericRecord orderCreated(byte[] confluentFramed) {
    try {
      return new GenericDatumReader<GenericRecord>(OrderCreated.getClassSchema())
          .read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(confluentFramed, 5, confluentFramed.length - 5, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, ConsumerRecord<byte[], byte[]>> byKey(
      List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, ConsumerRecord<byte[], byte[]>> map = new LinkedHashMap<>();
    records.forEach(r -> map.put(new String(r.key(), StandardCharsets.UTF_8), r));
    return map;
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
