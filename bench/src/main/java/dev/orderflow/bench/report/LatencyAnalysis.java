package dev.orderflow.bench.report;

import dev.orderflow.bench.observe.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Joins each order's produce time to the first message Meta received for it (by vendor order id)
 * and summarises the latencies, overall and per second of the run.
 */
public final class LatencyAnalysis {
  /** Latencies are recorded in microseconds up to an hour, with 3 significant digits. */
  private static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1000;

  private final Histogram overall = new Histogram(HIGHEST_MICROS, 3);
  private final Map<Long, Histogram> bySecond = new TreeMap<>();
  private final Map<Long, Long> producedBySecond = new TreeMap<>();

  public LatencyAnalysis(
      Instant loadStart, Map<String, Instant> producedAt, List<Delivery> deliveries) {
    producedAt.values().forEach(t -> producedBySecond.merge(second(loadStart, t), 1L, Long::sum));
    Set<String> seen = new HashSet<>();
    List<Delivery> ordered = new ArrayList<>(deliveries);
    ordered.sort(Comparator.comparing(Delivery::receivedAt));
    for (Delivery delivery : ordered) {
      Instant produced = producedAt.get(delivery.vendorOrderId());
      if (produced == null || !seen.add(delivery.vendorOrderId())) {
        continue;
      }
      long micros = Math.max(0, Duration.between(produced, delivery.receivedAt()).toNanos() / 1000);
      long value = Math.min(micros, HIGHEST_MICROS);
      overall.recordValue(value);
      bySecond
          .computeIfAbsent(
              second(loadStart, delivery.receivedAt()), s -> new Histogram(HIGHEST_MICROS, 3))
          .recordValue(value);
    }
  }

  public LatencySummary summary() {
    return new LatencySummary(
        overall.getTotalCount(),
        millis(overall, 50),
        millis(overall, 95),
        millis(overall, 99),
        overall.getTotalCount() == 0 ? Double.NaN : overall.getMaxValue() / 1000.0);
  }

  public List<TimePoint> timeline() {
    Set<Long> seconds = new java.util.TreeSet<>(producedBySecond.keySet());
    seconds.addAll(bySecond.keySet());
    List<TimePoint> points = new ArrayList<>();
    for (long s : seconds) {
      Histogram h = bySecond.get(s);
      points.add(
          new TimePoint(
              s,
              producedBySecond.getOrDefault(s, 0L),
              h == null ? 0 : h.getTotalCount(),
              h == null ? Double.NaN : millis(h, 50),
              h == null ? Double.NaN : millis(h, 99)));
    }
    return points;
  }

  private static long second(Instant start, Instant at) {
    return Math.max(0, Duration.between(start, at).toSeconds());
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0
        ? Double.NaN
        : histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
