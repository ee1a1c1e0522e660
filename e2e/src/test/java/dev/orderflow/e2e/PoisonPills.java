package dev.orderflow.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Records no vendor schema can read, of the kinds a buggy client sends: random bytes, cut-off JSON,
 * a JSON array, an empty value, a tombstone, and Confluent-framed Avro under a schema id the
 * registry never issued. Returns where each landed, so the test can find its rejection.
 */
final class PoisonPills {
  private PoisonPills() {}

  /** A pill's position on the intake topic. */
  record Position(int partition, long offset) {}

  static List<Position> send(Producer<byte[], byte[]> producer, String topic, int count) {
    List<Position> positions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] key = ("pill-" + i).getBytes(StandardCharsets.UTF_8);
      try {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, pill(i))).get();
        positions.add(new Position(metadata.partition(), metadata.offset()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("could not send pill " + i, e);
      }
    }
    return positions;
  }

  static byte[] pill(int i) {
    return switch (i % 6) {
      case 0 -> {
        byte[] random = new byte[64 + i % 200];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] = (byte) 0xFF; // neither '{' nor Avro's magic byte 0
        yield random;
      }
      case 1 ->
          ("{\"vendorId\":\"v\",\"orderId\":\"cut-" + i + "\",\"items\":[")
              .getBytes(StandardCharsets.UTF_8);
      case 2 -> ("[1,2," + i + "]").getBytes(StandardCharsets.UTF_8);
      case 3 -> new byte[0];
      case 4 -> null;
      default ->
          ByteBuffer.allocate(16).put((byte) 0).putInt(Integer.MAX_VALUE - i).putLong(i).array();
    };
  }
}
