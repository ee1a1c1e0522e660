package dev.orderflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  @Test
  void percentilesOfOneToAHundredMilliseconds() {
    List<Duration> latencies = IntStream.rangeClosed(1, 100).mapToObj(Duration::ofMillis).toList();

    LatencySummary summary = LatencySummary.of(latencies);

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isCloseTo(50, within(0.1));
    assertThat(summary.p95()).isCloseTo(95, within(0.1));
    assertThat(summary.p99()).isCloseTo(99, within(0.1));
    assertThat(summary.max()).isCloseTo(100, within(0.1));
  }

  @Test
  void nothingMeasuredIsNotANumberNotZero() {
    LatencySummary summary = LatencySummary.of(List.of());

    assertThat(summary.count()).isZero();
    assertThat(summary.p99()).isNaN();
  }

  @Test
  void aNegativeLatencyFromClockSkewCountsAsZero() {
    assertThat(LatencySummary.of(List.of(Duration.ofMillis(-5))).max()).isZero();
  }
}
