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

  /**
   * Which hop lost the most pace: each stage's average output against the average of the stage that
   * feeds it (ingest: intake → created + rejected; router: created → notify + unroutable; senders:
   * notify → Meta).
   */
  static String slowestStage(List<StageRate> rates) {
    double submitted = average(rates, "orders.submitted");
    double ingest = average(rates, "orders.created") + average(rates, "orders.rejected");
    double router =
        average(rates, "notify.whatsapp")
            + average(rates, "notify.instagram")
            + average(rates, "notify.unroutable");
    double routed = average(rates, "notify.whatsapp") + average(rates, "notify.instagram");
    double meta = average(rates, "Meta");
    String[] names = {"order-ingest", "notification-router", "the senders"};
    double[] kept = {
      ratio(ingest, submitted), ratio(router, average(rates, "orders.created")), ratio(meta, routed)
    };
    int worst = 0;
    for (int i = 1; i < kept.length; i++) {
      worst = kept[i] < kept[worst] ? i : worst;
    }
    return "Average output over average input per hop: order-ingest %.0f %%, notification-router %.0f %%, senders %.0f %%; the hop that falls furthest behind is %s."
        .formatted(100 * kept[0], 100 * kept[1], 100 * kept[2], names[worst]);
  }

  private static double average(List<StageRate> rates, String prefix) {
    return rates.stream()
        .filter(r -> r.stage().startsWith(prefix))
        .mapToDouble(StageRate::averagePerSecond)
        .sum();
  }

  private static double ratio(double out, double in) {
    return in <= 0 ? 0 : out / in;
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
