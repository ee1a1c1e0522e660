package dev.orderflow.sender.retry;

import static dev.orderflow.common.kafka.HeaderNames.*;

import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds the copies a record travels as: on a delay tier (same key and value bytes, retry headers)
 * and in the dead-letter topic (value bytes unchanged, original headers kept, {@code dlq.*} added).
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
    RetryHeaders.put(headers, RetryHeaders.ORIGINAL_TOPIC, state.origin().topic());
    RetryHeaders.put(headers, RetryHeaders.ORIGINAL_PARTITION, state.origin().partition());
    RetryHeaders.put(headers, RetryHeaders.ORIGINAL_OFFSET, state.origin().offset());
    RetryHeaders.put(headers, RetryHeaders.ORIGINAL_TIMESTAMP, state.origin().timestamp());
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
      if (!header.key().startsWith(RetryHeaders.PREFIX) && !header.key().startsWith(DLQ_PREFIX)) {
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

  private static Headers copyWithout(Headers source, String... names) {
    Headers copy = new RecordHeaders(source.toArray());
    for (String name : names) {
      copy.remove(name);
    }
    return copy;
  }
}
