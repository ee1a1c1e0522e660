package dev.orderflow.ingest.topology;

import dev.orderflow.common.kafka.HeaderNames;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Headers;

/** The vendor's correlation id when it is sane, else a new one. */
final class CorrelationId {
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private CorrelationId() {}

  static String of(Headers headers) {
    String given = OutcomeHeaders.string(headers, HeaderNames.CORRELATION_ID);
    return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }
}
