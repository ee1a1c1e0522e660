package dev.orderflow.ops.dlq;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A dead letter's list fields, in column order, for the table, JSON and CSV alike. */
final class LetterFields {
  static final List<String> COLUMNS =
      List.of(
          "time",
          "record",
          "key",
          "orderId",
          "buyerId",
          "platform",
          "errorClass",
          "code",
          "attempts",
          "replays",
          "message",
          "originalTopic",
          "correlationId",
          "compact");

  private LetterFields() {}

  static Map<String, Object> of(DeadLetter letter) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("time", time(letter.timestamp()));
    row.put("record", letter.at().toString());
    row.put("key", letter.key());
    row.put("orderId", letter.orderId());
    row.put("buyerId", letter.buyerId());
    row.put("platform", letter.platform());
    row.put("errorClass", letter.errorClass());
    row.put("code", letter.code());
    row.put("attempts", letter.attempts());
    row.put("replays", letter.replays());
    row.put("message", letter.message());
    row.put("originalTopic", letter.originalTopic());
    row.put("correlationId", letter.correlationId());
    row.put("compact", CompactLetter.is(letter));
    return row;
  }

  /** Seconds are enough to find a spike; the full millisecond time is in {@code show}. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
