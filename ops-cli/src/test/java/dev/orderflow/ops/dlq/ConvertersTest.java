package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private final TimeConverter times = new TimeConverter(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void timesWithAZoneAreTakenAsGiven() {
    assertThat(times.convert("2026-05-01T10:00:00+01:00"))
        .isEqualTo(Instant.parse("2026-05-01T09:00:00Z"));
  }

  @Test
  void timesAndDatesWithoutAZoneAreUtc() {
    assertThat(times.convert("2026-05-01T10:00")).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(times.convert("2026-05-01")).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
  }

  @Test
  void anAgeCountsBackFromNow() {
    assertThat(times.convert("2h")).isEqualTo(NOW.minus(Duration.ofHours(2)));
    assertThat(times.convert("7d")).isEqualTo(NOW.minus(Duration.ofDays(7)));
  }

  @Test
  void somethingElseIsRefusedWithTheFormsAccepted() {
    assertThatThrownBy(() -> times.convert("yesterday"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("2026-05-01T10:00:00Z")
        .hasMessageContaining("'yesterday'");
  }

  @Test
  void durationsReadShortAndIsoForms() {
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(DurationConverter.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> DurationConverter.parse("soon"))
        .isInstanceOf(TypeConversionException.class);
  }
}
