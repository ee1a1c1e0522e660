package dev.orderflow.bench;

import dev.orderflow.bench.observe.Delivery;
import dev.orderflow.bench.report.StageRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-stage throughput from the taps' per-second counts and Meta's receive times. */
final class StageRates {
  private StageRates() {}

  static List<StageRate> of(EndToEndPhase.Result result) {
    long from = result.load().startedAt().getEpochSecond();
    long to = result.drainedAt().getEpochSecond();
    List<StageRate> rates = new ArrayList<>();
    result
        .stageCounts()
        .forEach((topic, counts) -> rates.add(rate(topic, window(counts, from, to))));
    Map<Long, Integer> meta = new TreeMap<>();
    for (Delivery delivery : result.deliveries()) {
      meta.merge(delivery.receivedAt().getEpochSecond(), 1, Integer::sum);
    }
    rates.add(rate("Meta received (both platforms)", window(meta, from, to)));
    return rates;
  }

  private static Map<Long, Integer> window(Map<Long, Integer> counts, long from, long to) {
    Map<Long, Integer> inside = new TreeMap<>();
    counts.forEach(
        (second, n) -> {
          if (second >= from && second <= to) {
            inside.put(second, n);
          }
        });
    return inside;
  }

  /** The average over the seconds from the stage's first record to its last, and its peak. */
  static StageRate rate(String stage, Map<Long, Integer> perSecond) {
    if (perSecond.isEmpty()) {
      return new StageRate(stage, 0, 0, 0);
    }
    long total = perSecond.values().stream().mapToLong(Integer::longValue).sum();
    long first = perSecond.keySet().stream().min(Long::compare).orElseThrow();
    long last = perSecond.keySet().stream().max(Long::compare).orElseThrow();
    long peak = perSecond.values().stream().mapToLong(Integer::longValue).max().orElse(0);
    return new StageRate(stage, total, total / (double) (last - first + 1), peak);
  }
}
