package dev.orderflow.sender.retry;

import dev.orderflow.common.kafka.HeaderNames;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * What a record carries about its earlier failures: attempts so far, when it first failed, and the
 * main-topic record it started as. A record fresh from the main topic has no attempts and is its
 * own origin. Headers that do not parse count as absent: a bad header never blocks a record.
 */
public record RetryState(
    int attempts, Instant firstFailureAt, Origin origin, boolean possiblySent) {

  public RetryState(int attempts, Instant firstFailureAt, Origin origin) {
    this(attempts, firstFailureAt, origin, false);
  }

  /** The coordinates of the record as first consumed by this sender. */
  public record Origin(String topic, int partition, long offset, long timestamp) {}

  public static RetryState of(ConsumerRecord<byte[], byte[]> record) {
    Headers headers = record.headers();
    int attempts = RetryHeaders.number(headers, HeaderNames.RETRY_ATTEMPTS).orElse(0L).intValue();
    Instant first =
        RetryHeaders.number(headers, HeaderNames.RETRY_FIRST_FAILURE_AT)
            .map(Instant::ofEpochMilli)
            .orElse(null);
    Origin origin =
        new Origin(
            RetryHeaders.text(headers, HeaderNames.RETRY_ORIGINAL_TOPIC).orElse(record.topic()),
            RetryHeaders.number(headers, HeaderNames.RETRY_ORIGINAL_PARTITION)
                .orElse((long) record.partition())
                .intValue(),
            RetryHeaders.number(headers, HeaderNames.RETRY_ORIGINAL_OFFSET).orElse(record.offset()),
            RetryHeaders.number(headers, HeaderNames.RETRY_ORIGINAL_TIMESTAMP)
                .orElse(record.timestamp()));
    boolean possiblySent =
        RetryHeaders.text(headers, HeaderNames.RETRY_POSSIBLY_SENT).orElse("").equals("true");
    return new RetryState(Math.max(attempts, 0), first, origin, possiblySent);
  }

  /** This state once an attempt may have reached the platform unbeknown to us. */
  public RetryState possiblySentOnce() {
    return new RetryState(attempts, firstFailureAt, origin, true);
  }

  /** This state after one more failed attempt at {@code now}. */
  public RetryState failedOnceMore(Instant now) {
    return new RetryState(
        attempts + 1, firstFailureAt == null ? now : firstFailureAt, origin, possiblySent);
  }

  /** This state after a throttle: the first failure is noted but no attempt is burnt. */
  public RetryState throttled(Instant now) {
    return new RetryState(
        attempts, firstFailureAt == null ? now : firstFailureAt, origin, possiblySent);
  }
}
