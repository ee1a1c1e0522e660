package dev.orderflow.ops.dlq;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time: ISO-8601 with a zone ({@code 2026-05-01T10:00:00Z}, {@code …+01:00}), without
 * one (read as UTC), a date (UTC midnight), or an age such as {@code 2h} (two hours ago).
 */
final class TimeConverter implements ITypeConverter<Instant> {
  private final Clock clock;

  TimeConverter() {
    this(Clock.systemUTC());
  }

  TimeConverter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    String text = value.trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return clock.instant().minus(DurationConverter.parse(text));
    } catch (TypeConversionException e) {
      throw new TypeConversionException(
          "expected a time such as 2026-05-01T10:00:00Z, 2026-05-01 or an age such as 2h, got '"
              + value
              + "'");
    }
  }
}
