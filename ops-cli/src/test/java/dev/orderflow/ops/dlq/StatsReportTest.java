package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsReportTest {
  private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
  private final Letters letters = new Letters();
  private final Tally tally = new Tally();

  @Test
  void countsPerDimensionLargestFirst() {
    // Given
    add("PERMANENT", "131026", T);
    add("PERMANENT", "131026", T.plusSeconds(60));
    add("RETRY", "2", T.plusSeconds(120));

    // Then
    assertThat(tally.total()).isEqualTo(3);
    assertThat(tally.byClass())
        .containsExactly(java.util.Map.entry("PERMANENT", 2L), java.util.Map.entry("RETRY", 1L));
    assertThat(tally.byCode()).containsEntry("PERMANENT 131026", 2L);
    assertThat(tally.byPlatform()).containsExactly(java.util.Map.entry("whatsapp", 3L));
  }

  @Test
  void theHistogramHasEveryBucketFromFirstToLastEvenEmptyOnes() {
    // Given
    add("PERMANENT", "1", T);
    add("PERMANENT", "1", T.plus(Duration.ofHours(2)).plusSeconds(59));

    // When
    StringWriter text = new StringWriter();
    new StatsReport(tally, Duration.ofHours(1)).printText(new PrintWriter(text, true));

    // Then
    assertThat(tally.overTime(60))
        .containsExactly(
            java.util.Map.entry(T, 1L),
            java.util.Map.entry(T.plus(Duration.ofHours(1)), 0L),
            java.util.Map.entry(T.plus(Duration.ofHours(2)), 1L));
    assertThat(text.toString())
        .contains("over time (1h buckets, UTC)")
        .containsPattern("2026-05-01T10:00:00Z\\s+#{40}\\s+1")
        .containsPattern("2026-05-01T11:00:00Z\\s+0");
  }

  @Test
  void theBucketIsChosenToFitTheSpan() {
    // Given: a span of two days
    add("PERMANENT", "1", T);
    add("PERMANENT", "1", T.plus(Duration.ofDays(2)));

    // When
    StringWriter text = new StringWriter();
    new StatsReport(tally, null).printText(new PrintWriter(text, true));

    // Then
    assertThat(text.toString()).contains("over time (3h buckets, UTC)");
  }

  private void add(String errorClass, String code, Instant at) {
    tally.add(letters.read(letters.failure("v-1:A-1", errorClass, code).at(at), 0));
  }
}
