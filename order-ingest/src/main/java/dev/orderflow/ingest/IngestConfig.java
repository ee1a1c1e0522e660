package dev.orderflow.ingest;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.ingest.outcome.RejectionWriter;
import dev.orderflow.ingest.validation.ValidationRules;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * order-ingest's own settings (Kafka, registry and ops settings are read by common). Every key can
 * be overridden by its environment variable: {@code ingest.dedup-window} → {@code
 * INGEST_DEDUP_WINDOW}.
 *
 * <p>Topic names ({@code topics.orders-*}) are read once, into the typed descriptors of {@code
 * IngestTopics}.
 *
 * @param applicationId Kafka Streams application id, shared by all instances
 * @param maxOriginalBytes original bytes a rejection carries at most (base64 grows them by 4/3)
 * @param maxOutgoingBytes no record this service sends is larger; keep it at or under the
 *     producer's {@code max.request.size} and the output topics' {@code max.message.bytes}
 */
public record IngestConfig(
    String applicationId,
    ValidationRules rules,
    Duration dedupWindow,
    int maxOriginalBytes,
    int maxOutgoingBytes) {

  public static final String APPLICATION_ID = "ingest.application-id";
  public static final String DEDUP_WINDOW = "ingest.dedup-window";
  public static final String MAX_RECORD_BYTES = "ingest.max-record-bytes";
  public static final String CURRENCIES = "ingest.currencies";
  public static final String MAX_FUTURE_SKEW = "ingest.max-future-skew";
  public static final String MAX_AGE = "ingest.max-age";
  public static final String MAX_ORIGINAL_BYTES = "ingest.rejection.max-original-bytes";
  public static final String MAX_OUTGOING_BYTES = "ingest.max-outgoing-bytes";

  /** Just under the broker's default message.max.bytes and the producer's max.request.size. */
  static final int DEFAULT_MAX_OUTGOING_BYTES = 1_000_000;

  public IngestConfig {
    if (dedupWindow.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new ConfigException(DEDUP_WINDOW, "at least 1m", dedupWindow.toString());
    }
  }

  public static IngestConfig from(ConfigSource source) {
    ValidationRules defaults = ValidationRules.defaults();
    List<String> currencies = source.list(CURRENCIES, List.of("NGN"));
    ValidationRules rules;
    try {
      rules =
          new ValidationRules(
              source.intInRange(MAX_RECORD_BYTES, 1024, 8 * 1024 * 1024, defaults.maxRecordBytes()),
              defaults.maxItems(),
              defaults.maxQuantity(),
              defaults.maxNameLength(),
              defaults.maxNoteLength(),
              new HashSet<>(currencies),
              source.duration(MAX_FUTURE_SKEW, defaults.maxFutureSkew()),
              source.duration(MAX_AGE, defaults.maxAge()),
              defaults.maxReasons());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          CURRENCIES, "ISO-4217 codes such as NGN,GHS", currencies.toString());
    }
    return new IngestConfig(
        source.string(APPLICATION_ID, "order-ingest"),
        rules,
        source.duration(DEDUP_WINDOW, Duration.ofDays(7)),
        source.intInRange(MAX_ORIGINAL_BYTES, 0, 768 * 1024, 512 * 1024),
        source.intInRange(
            MAX_OUTGOING_BYTES,
            // A compact rejection (at most RejectionWriter.COMPACT_MAX_BYTES) must always fit.
            2 * RejectionWriter.COMPACT_MAX_BYTES,
            64 * 1024 * 1024,
            DEFAULT_MAX_OUTGOING_BYTES));
  }
}
