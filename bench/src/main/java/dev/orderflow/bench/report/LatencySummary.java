package dev.orderflow.bench.report;

import java.time.Duration;
import java.util.Collection;
import org.HdrHistogram.Histogram;

/**
 * Percentiles in milliseconds over {@code count} measurements (vendor produce → Meta receipt in the
 * end-to-end phase; Meta's accept → a delivery status in the status phase).
 */
public record LatencySummary(long count, double p50, double p95, double p99, double max) {
  /** Recorded in microseconds up to an hour, with 3 significant digits. */
  private static final long HIGHEST_MICROS = Duration.ofHours(1).toNanos() / 1000;

  public static LatencySummary of(Collection<Duration> latencies) {
    Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
    for (Duration latency : latencies) {
      long micros = Math.max(0, latency.toNanos() / 1000);
      histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }
    if (histogram.getTotalCount() == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(95) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getMaxValue() / 1000.0);
  }
}
