package dev.orderflow.common.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. Hand-written because
 * {@link Duration#parse} wants ISO-8601 ({@code PT30S}), which nobody types in a properties file.
 */
final class Durations {
  static final String EXPECTED = "a duration such as 250ms, 30s, 5m, 2h or 1d";
  private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

  private Durations() {}

  static Optional<Duration> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
  }
}
