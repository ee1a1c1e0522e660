package dev.orderflow.ops.dlq;

import static dev.orderflow.common.kafka.HeaderNames.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.common.kafka.HeaderNames;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/** Reads a parked record into a {@link DeadLetter}, whichever part of the pipeline parked it. */
final class DeadLetterReader {
  static final String UNROUTABLE_CLASS = "UNROUTABLE";

  private final ValueDecoder decoder;

  DeadLetterReader(ValueDecoder decoder) {
    this.decoder = decoder;
  }

  DeadLetter read(ConsumerRecord<byte[], byte[]> record) {
    Headers h = record.headers();
    SourceKind kind = SourceKind.of(record.topic());
    DecodedValue value = decoder.decode(record.topic(), record.value());
    Facts facts = Facts.from(value.tree());
    Diagnosis d =
        switch (kind) {
          case SENDER -> sender(h);
          case UNROUTABLE ->
              new Diagnosis(
                  UNROUTABLE_CLASS, text(h, UNROUTABLE_REASON), text(h, UNROUTABLE_DETAIL), null);
          case ROUTER -> router(h);
          case REJECTED -> Rejections.diagnosis(value.tree(), text(h, REJECT_REASON));
          case OTHER -> new Diagnosis(null, null, null, null);
        };
    String key = Text.display(record.key());
    if (kind == SourceKind.REJECTED) {
      facts = Rejections.facts(value.tree());
    } else if (kind == SourceKind.UNROUTABLE && facts.orderId() == null) {
      facts = new Facts(key, facts.buyerId(), facts.platform(), facts.correlationId());
    }
    Coordinates original = d.original();
    String platform =
        facts.platform() != null ? facts.platform() : platformOf(original, record.topic());
    String correlationId = text(h, HeaderNames.CORRELATION_ID);
    return new DeadLetter(
        Coordinates.of(record),
        Instant.ofEpochMilli(record.timestamp()),
        key,
        kind,
        facts.orderId(),
        facts.buyerId(),
        platform,
        d.errorClass(),
        d.code(),
        d.message(),
        kind == SourceKind.SENDER ? HeaderText.integer(h, DLQ_ATTEMPTS) : null,
        replays(h),
        original == null ? null : original.topic(),
        original,
        correlationId != null ? correlationId : facts.correlationId(),
        kind == SourceKind.SENDER ? text(h, DLQ_SERVICE) : null,
        value,
        record);
  }

  static int replays(Headers headers) {
    Integer count = HeaderText.integer(headers, REPLAY_COUNT);
    return count == null || count < 0 ? 0 : count;
  }

  private static Diagnosis sender(Headers h) {
    return new Diagnosis(
        text(h, DLQ_ERROR_CLASS),
        text(h, DLQ_ERROR_CODE),
        text(h, DLQ_ERROR_MESSAGE),
        coordinates(
            text(h, DLQ_ORIGINAL_TOPIC),
            HeaderText.number(h, DLQ_ORIGINAL_PARTITION),
            HeaderText.number(h, DLQ_ORIGINAL_OFFSET)));
  }

  private static Diagnosis router(Headers h) {
    String exception = text(h, StreamsHeaders.EXCEPTION);
    String simpleName = exception == null ? null : exception.replaceAll(".*[.$]", "");
    return new Diagnosis(
        simpleName,
        null,
        text(h, StreamsHeaders.MESSAGE),
        coordinates(
            text(h, StreamsHeaders.TOPIC),
            HeaderText.number(h, StreamsHeaders.PARTITION),
            HeaderText.number(h, StreamsHeaders.OFFSET)));
  }

  /** Coordinates from headers; a topic alone still names where to replay to. */
  static Coordinates coordinates(String topic, Long partition, Long offset) {
    if (topic == null || topic.isBlank()) {
      return null;
    }
    return new Coordinates(
        topic,
        partition == null ? 0 : partition.intValue(),
        offset == null ? 0 : Math.max(0, offset));
  }

  private static String platformOf(Coordinates original, String topic) {
    String name = original != null ? original.topic() : topic;
    String[] parts = name.split("\\.");
    boolean notify = parts.length >= 3 && parts[0].equals("notify");
    return notify && !parts[1].equals("unroutable") ? parts[1].toLowerCase(Locale.ROOT) : null;
  }

  private static String text(Headers headers, String name) {
    return HeaderText.of(headers, name);
  }

  /** What went wrong, and where the record came from. */
  record Diagnosis(String errorClass, String code, String message, Coordinates original) {}

  /** What the value says about the order. */
  record Facts(String orderId, String buyerId, String platform, String correlationId) {
    static Facts from(JsonNode tree) {
      if (tree == null || !tree.isObject()) {
        return new Facts(null, null, null, null);
      }
      String platform = DecodedValue.field(tree, "platform");
      return new Facts(
          DecodedValue.field(tree, "orderId"),
          DecodedValue.field(tree, "buyerId"),
          platform == null ? null : platform.toLowerCase(Locale.ROOT),
          DecodedValue.field(tree, "correlationId"));
    }
  }
}
