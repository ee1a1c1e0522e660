package dev.orderflow.sender.retry;

import static dev.orderflow.common.kafka.HeaderNames.*;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the copies a record travels as: on a delay tier (same key and value bytes, retry headers)
 * and in the dead-letter topic (value bytes unchanged, original headers kept, {@code dlq.*} added),
 * or, when Kafka refused those, a compact dead letter that always fits (see {@link
 * #toCompactDeadLetter}).
 */
public final class HopRecords {
  private final String service;

  public HopRecords(String service) {
    this.service = service;
  }

  public ProducerRecord<byte[], byte[]> toTier(
      ConsumerRecord<byte[], byte[]> record, HopPolicy tier, RetryState state, Instant now) {
    Headers headers =
        copyWithout(record.headers(), RETRY_ATTEMPTS, RETRY_DUE_AT, RETRY_POSSIBLY_SENT);
    if (state.possiblySent()) {
      RetryHeaders.put(headers, RETRY_POSSIBLY_SENT, "true");
    }
    RetryHeaders.put(headers, RETRY_ATTEMPTS, state.attempts());
    RetryHeaders.put(headers, RETRY_DUE_AT, now.plus(tier.delay()).toEpochMilli());
    RetryHeaders.put(headers, RETRY_FIRST_FAILURE_AT, state.firstFailureAt().toEpochMilli());
    RetryHeaders.put(headers, RETRY_ORIGINAL_TOPIC, state.origin().topic());
    RetryHeaders.put(headers, RETRY_ORIGINAL_PARTITION, state.origin().partition());
    RetryHeaders.put(headers, RETRY_ORIGINAL_OFFSET, state.origin().offset());
    RetryHeaders.put(headers, RETRY_ORIGINAL_TIMESTAMP, state.origin().timestamp());
    return new ProducerRecord<>(tier.topic(), null, record.key(), record.value(), headers);
  }

  public ProducerRecord<byte[], byte[]> toDeadLetter(
      ConsumerRecord<byte[], byte[]> record,
      String topic,
      SendOutcome.Failed failure,
      RetryState state,
      Instant now) {
    Headers headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(RETRY_PREFIX) && !header.key().startsWith(DLQ_PREFIX)) {
        headers.add(header);
      }
    }
    MetaError error = failure.error();
    RetryHeaders.put(headers, DLQ_ORIGINAL_TOPIC, state.origin().topic());
    RetryHeaders.put(headers, DLQ_ORIGINAL_PARTITION, state.origin().partition());
    RetryHeaders.put(headers, DLQ_ORIGINAL_OFFSET, state.origin().offset());
    RetryHeaders.put(headers, DLQ_ORIGINAL_TIMESTAMP, state.origin().timestamp());
    RetryHeaders.put(headers, DLQ_SERVICE, service);
    RetryHeaders.put(headers, DLQ_ERROR_CLASS, failure.errorClass());
    RetryHeaders.put(headers, DLQ_ERROR_CODE, error.code());
    RetryHeaders.put(headers, DLQ_ERROR_SUBCODE, error.subcode());
    RetryHeaders.put(headers, DLQ_ERROR_MESSAGE, error.message());
    RetryHeaders.put(headers, DLQ_HTTP_STATUS, error.httpStatus());
    RetryHeaders.put(headers, DLQ_FBTRACE_ID, error.fbtraceId());
    RetryHeaders.put(headers, DLQ_ATTEMPTS, state.attempts());
    Instant first = state.firstFailureAt() == null ? now : state.firstFailureAt();
    RetryHeaders.put(headers, DLQ_FIRST_FAILURE_AT, first.toEpochMilli());
    RetryHeaders.put(headers, DLQ_LAST_FAILURE_AT, now.toEpochMilli());
    if (state.possiblySent() || failure.possiblySent()) {
      RetryHeaders.put(headers, DLQ_POSSIBLY_SENT, "true");
    }
    return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
  }

  /**
   * The dead letter of a record Kafka would not take whole: the {@code dlq.*} headers of {@link
   * #toDeadLetter} and the correlation id, each value cut to {@value #COMPACT_HEADER_MAX} bytes,
   * plus {@code dlq.compact}, why, and the original value's size and SHA-256; the value is its
   * first {@value #COMPACT_VALUE_MAX} bytes, the key its first {@value #COMPACT_KEY_MAX}. A few KiB
   * at most, whatever the original was.
   */
  public ProducerRecord<byte[], byte[]> toCompactDeadLetter(
      ConsumerRecord<byte[], byte[]> record,
      String topic,
      SendOutcome.Failed failure,
      RetryState state,
      Instant now,
      String why) {
    Headers headers = new RecordHeaders();
    for (Header header : toDeadLetter(record, topic, failure, state, now).headers()) {
      if (header.key().startsWith(DLQ_PREFIX) || header.key().equals(CORRELATION_ID)) {
        headers.add(header.key(), prefix(header.value(), COMPACT_HEADER_MAX));
      }
    }
    byte[] value = record.value();
    RetryHeaders.put(headers, DLQ_COMPACT, "true");
    headers.add(DLQ_COMPACT_REASON, prefix(why.getBytes(UTF_8), COMPACT_HEADER_MAX));
    RetryHeaders.put(headers, DLQ_ORIGINAL_SIZE, value == null ? 0 : value.length);
    if (value != null) {
      RetryHeaders.put(headers, DLQ_ORIGINAL_SHA256, HexFormat.of().formatHex(sha256(value)));
    }
    return new ProducerRecord<>(
        topic,
        null,
        prefix(record.key(), COMPACT_KEY_MAX),
        prefix(value, COMPACT_VALUE_MAX),
        headers);
  }

  /** Bytes of the original value a compact dead letter keeps (Avro puts the ids first). */
  public static final int COMPACT_VALUE_MAX = 512;

  static final int COMPACT_KEY_MAX = 256;
  static final int COMPACT_HEADER_MAX = 1024;

  private static byte[] prefix(byte[] bytes, int max) {
    return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Headers copyWithout(Headers source, String... names) {
    Headers copy = new RecordHeaders(source.toArray());
    for (String name : names) {
      copy.remove(name);
    }
    return copy;
  }
}
