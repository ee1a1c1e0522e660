package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orderflow.common.kafka.HeaderNames;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Builds parked records the way the pipeline's services write them. */
final class Parked {
  private final String topic;
  private Integer partition;
  private Instant time = Instant.now();
  private String key;
  private byte[] value;
  private final Map<String, byte[]> headers = new LinkedHashMap<>();

  private Parked(String topic) {
    this.topic = topic;
  }

  static Parked in(String topic) {
    return new Parked(topic);
  }

  /** A sender's dead letter (HopRecords.toDeadLetter): original headers kept, dlq.* added. */
  Parked senderFailure(String originalTopic, String errorClass, String code, String message) {
    return header(HeaderNames.DLQ_ORIGINAL_TOPIC, originalTopic)
        .header(HeaderNames.DLQ_ORIGINAL_PARTITION, "0")
        .header(HeaderNames.DLQ_ORIGINAL_OFFSET, "17")
        .header(HeaderNames.DLQ_ORIGINAL_TIMESTAMP, Long.toString(time.toEpochMilli() - 5_000))
        .header(HeaderNames.DLQ_SERVICE, "whatsapp-sender")
        .header(HeaderNames.DLQ_ERROR_CLASS, errorClass)
        .header(HeaderNames.DLQ_ERROR_CODE, code)
        .header(HeaderNames.DLQ_ERROR_MESSAGE, message)
        .header(HeaderNames.DLQ_ATTEMPTS, "3");
  }

  Parked partition(int partition) {
    this.partition = partition;
    return this;
  }

  Parked at(Instant time) {
    this.time = time;
    return this;
  }

  Parked key(String key) {
    this.key = key;
    return this;
  }

  Parked value(byte[] value) {
    this.value = value;
    return this;
  }

  Parked header(String name, String value) {
    headers.put(name, value.getBytes(UTF_8));
    return this;
  }

  Parked header(String name, byte[] value) {
    headers.put(name, value);
    return this;
  }

  /** As a consumer would read it at {@code offset}, for tests without a broker. */
  ConsumerRecord<byte[], byte[]> read(long offset) {
    ProducerRecord<byte[], byte[]> r = record();
    return new ConsumerRecord<>(
        topic,
        partition == null ? 0 : partition,
        offset,
        time.toEpochMilli(),
        TimestampType.CREATE_TIME,
        r.key() == null ? -1 : r.key().length,
        value == null ? -1 : value.length,
        r.key(),
        value,
        r.headers(),
        Optional.empty());
  }

  ProducerRecord<byte[], byte[]> record() {
    RecordHeaders h = new RecordHeaders();
    headers.forEach(h::add);
    return new ProducerRecord<>(
        topic, partition, time.toEpochMilli(), key == null ? null : key.getBytes(UTF_8), value, h);
  }
}
