package dev.orderflow.common.logging;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The correlation id that follows an order from intake to the Meta call: read from the {@value
 * HeaderNames#CORRELATION_ID} header, written back to every record produced for it, and put in the
 * MDC ({@value #MDC_KEY}) for the duration of its processing.
 */
public final class CorrelationIds {
  public static final String MDC_KEY = "correlationId";

  /** Vendors set this header; anything longer or odder is replaced, not logged as given. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private CorrelationIds() {}

  /** The record's correlation id, or a new random one when it has none (or a malformed one). */
  public static String from(Headers headers) {
    return KafkaHeaders.string(headers, HeaderNames.CORRELATION_ID)
        .filter(id -> SANE.matcher(id).matches())
        .orElseGet(CorrelationIds::newId);
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  public static void put(Headers headers, String correlationId) {
    KafkaHeaders.putString(headers, HeaderNames.CORRELATION_ID, correlationId);
  }

  /**
   * Puts the id in the MDC until the scope closes, then restores what was there: {@code try (var
   * scope = CorrelationIds.inMdc(id)) { … }}.
   */
  public static Scope inMdc(String correlationId) {
    String previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, correlationId);
    return () -> {
      if (previous == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, previous);
      }
    };
  }

  /** An MDC entry that ends with a try-with-resources block; closing never throws. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
