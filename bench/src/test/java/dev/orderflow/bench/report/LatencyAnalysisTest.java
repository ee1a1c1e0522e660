package dev.orderflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orderflow.bench.observe.Delivery;
import dev.orderflow.devservers.meta.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyAnalysisTest {
  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void percentilesComeFromTheFirstMessageOfEachOrder() {
    Map<String, Instant> produced = new HashMap<>();
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      Instant at = START.plusMillis(i * 10L);
      produced.put("o-" + i, at);
      deliveries.add(delivery("o-" + i, at.plusMillis(i)));
    }
    deliveries.add(delivery("o-1", START.plusSeconds(30))); // a duplicate, later: ignored

    LatencySummary summary = new LatencyAnalysis(START, produced, deliveries).summary();

    assertThat(summary.count()).isEqualTo(100);
    assertThat(summary.p50()).isCloseTo(50, within(0.5));
    assertThat(summary.p99()).isCloseTo(99, within(0.5));
    assertThat(summary.max()).isCloseTo(100, within(0.5));
  }

  @Test
  void theTimelineCountsProducedAndDeliveredPerSecond() {
    Map<String, Instant> produced =
        Map.of("a", START, "b", START.plusMillis(500), "c", START.plusMillis(1_200));
    List<Delivery> deliveries =
        List.of(delivery("a", START.plusMillis(1_100)), delivery("b", START.plusMillis(1_300)));

    List<TimePoint> timeline = new LatencyAnalysis(START, produced, deliveries).timeline();

    assertThat(timeline).hasSize(2);
    assertThat(timeline.get(0).producedPerSecond()).isEqualTo(2);
    assertThat(timeline.get(0).deliveredPerSecond()).isZero();
    assertThat(timeline.get(1).producedPerSecond()).isEqualTo(1);
    assertThat(timeline.get(1).deliveredPerSecond()).isEqualTo(2);
  }

  private static Delivery delivery(String id, Instant at) {
    return new Delivery(id, Platform.WHATSAPP, "234", 1, at, "m");
  }
}
