package dev.orderflow.bench;

import dev.orderflow.bench.ceiling.CeilingResult;
import dev.orderflow.bench.observe.ResourceUsage;
import dev.orderflow.bench.report.BenchReport;
import dev.orderflow.bench.report.LatencyAnalysis;
import dev.orderflow.bench.report.LatencySummary;
import dev.orderflow.bench.report.StageRate;
import dev.orderflow.bench.report.Target;
import dev.orderflow.bench.report.TimePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Turns the phases' results into the report, targets judged against the numbers. */
final class ReportAssembler {
  private final String runId;
  private final Instant started;
  private final BenchSettings settings;
  private final List<String> notes;

  ReportAssembler(String runId, Instant started, BenchSettings settings, List<String> notes) {
    this.runId = runId;
    this.started = started;
    this.settings = settings;
    this.notes = new ArrayList<>(notes);
  }

  BenchReport assemble(
      List<CeilingResult> ceilings,
      EndToEndPhase.Result endToEnd,
      OptionalDouble router,
      OptionalDouble whatsapp,
      OptionalDouble instagram,
      ThrottlePhase.Result throttled,
      DeliveryStatusPhase.Result statuses) {
    double passthrough = ceilings.get(1).recordsPerSecond();
    List<Target> targets = new ArrayList<>();
    Map<String, Long> outcomes = new LinkedHashMap<>();
    LatencySummary latency = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    List<StageRate> stages = List.of();
    List<ResourceUsage> resources = List.of();
    List<TimePoint> timeline = List.of();
    if (endToEnd != null) {
      LatencyAnalysis analysis =
          new LatencyAnalysis(
              endToEnd.load().startedAt(), endToEnd.load().producedAt(), endToEnd.deliveries());
      latency = analysis.summary();
      timeline = analysis.timeline();
      stages = StageRates.of(endToEnd);
      resources = endToEnd.resources();
      outcomes = outcomes(endToEnd);
      targets.add(sustained(endToEnd, stages));
      targets.add(
          new Target(
              "p99 vendor produce → Meta receipt",
              "≤ 1,000 ms",
              f(latency.p99()) + " ms (p50 " + f(latency.p50()) + ", max " + f(latency.max()) + ")",
              latency.p99() <= 1_000,
              "simulated Graph API latency " + settings.metaLatency().toMillis() + " ms"));
    }
    router.ifPresent(
        rate ->
            targets.add(
                new Target(
                    "router with a warm cache vs Streams passthrough",
                    "≥ 70 %",
                    f(rate)
                        + "/s = "
                        + f(100 * rate / passthrough)
                        + " % of "
                        + f(passthrough)
                        + "/s",
                    rate >= 0.7 * passthrough,
                    "backlog of " + settings.routerRecords() + " orders, buyers already cached")));
    whatsapp.ifPresent(rate -> targets.add(sender("whatsapp-sender", rate)));
    instagram.ifPresent(rate -> targets.add(sender("instagram-sender", rate)));
    if (throttled != null) {
      targets.add(throttled(throttled));
    }
    if (statuses != null) {
      targets.add(
          afterSend(
              "delivered", statuses.delivered(), DeliveryStatusPhase.DELIVERED_DELAY_MS, statuses));
      targets.add(afterSend("read", statuses.read(), DeliveryStatusPhase.READ_DELAY_MS, statuses));
    }
    if (!resources.isEmpty()) {
      notes.add(cpuNote(resources));
    }
    if (!stages.isEmpty()) {
      notes.add(StageRates.slowestStage(stages));
    }
    return new BenchReport(
        runId,
        started.toString(),
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + ", Java "
            + Runtime.version(),
        settingsMap(),
        ceilings,
        outcomes,
        latency,
        stages,
        resources,
        targets,
        notes,
        timeline);
  }

  private Target sustained(EndToEndPhase.Result result, List<StageRate> stages) {
    double produced = result.load().achievedRate();
    double lag =
        Duration.between(result.load().finishedAt(), result.drainedAt()).toMillis() / 1000.0;
    boolean complete = result.reconciliation().lost().isEmpty();
    double meta =
        stages.stream()
            .filter(s -> s.stage().startsWith("Meta"))
            .mapToDouble(StageRate::averagePerSecond)
            .findFirst()
            .orElse(0);
    return new Target(
        "orders/s sustained end to end",
        f(settings.rate()) + "/s",
        "vendors produced "
            + f(produced)
            + "/s for "
            + settings.duration().toSeconds()
            + " s; Meta received "
            + f(meta)
            + " messages/s; the last arrived "
            + f(lag)
            + " s after the last order",
        produced >= 0.97 * settings.rate() && lag <= 5 && complete,
        complete
            ? "every order accounted for"
            : result.reconciliation().lost().size() + " orders without outcome");
  }

  private static Target throttled(ThrottlePhase.Result result) {
    double share = result.achieved() / result.allowed();
    return new Target(
        "whatsapp-sender under a " + result.allowed() + " msg/s Meta cap: achieved / allowed",
        "≥ 80 %, ≤ 50 throttle answers per 1,000 sends",
        f(result.achieved())
            + "/s = "
            + f(100 * share)
            + " % of "
            + result.allowed()
            + "/s; "
            + f(result.throttlesPerThousand())
            + " throttle answers per 1,000 sends ("
            + result.throttles()
            + " of "
            + result.sends()
            + ")",
        share >= 0.8 && result.throttlesPerThousand() <= 50,
        result.accepted()
            + " of "
            + ThrottlePhase.RECORDS
            + " accepted; the sender's own limit left at "
            + BenchContext.SENDER_RATE
            + "/s, so only Meta's 130429 answers slow it");
  }

  /** Reported, not a target of its own: met when every message's status made it to the topic. */
  private static Target afterSend(
      String status,
      LatencySummary latency,
      long simulatedDelayMs,
      DeliveryStatusPhase.Result result) {
    return new Target(
        "send → " + status + " status on the topic (Meta accepts → meta-webhooks answers 200)",
        "every message, percentiles reported",
        "p50 "
            + f(latency.p50())
            + " ms, p95 "
            + f(latency.p95())
            + ", p99 "
            + f(latency.p99())
            + ", max "
            + f(latency.max())
            + " over "
            + latency.count()
            + " of "
            + result.sent(),
        latency.count() == result.sent() && result.sent() > 0,
        "the simulator waits "
            + simulatedDelayMs
            + " ms before posting it; "
            + result.readInLedger()
            + " of "
            + result.sent()
            + " ledger entries READ "
            + result.took().toSeconds()
            + " s after the sender started (one WhatsApp sender, meta-webhooks in the bench's JVM)");
  }

  private Target sender(String name, double rate) {
    return new Target(
        name + " alone, " + settings.senderLatency().toMillis() + " ms API latency",
        "≥ 1,000 notifications/s",
        f(rate) + "/s",
        rate >= 1_000,
        "the sender's rate limit is set to its maximum, "
            + BenchContext.SENDER_RATE
            + "/s per number");
  }

  private static Map<String, Long> outcomes(EndToEndPhase.Result result) {
    Map<String, Long> outcomes = new TreeMap<>();
    result.reconciliation().matchedByKind().forEach((k, v) -> outcomes.put(k, (long) v));
    outcomes.put("no outcome within the drain limit", (long) result.reconciliation().lost().size());
    outcomes.put("wrong outcome", (long) result.reconciliation().wrong().size());
    outcomes.put("duplicate outcomes", (long) result.reconciliation().duplicateCount());
    return outcomes;
  }

  private Map<String, String> settingsMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("rate", f(settings.rate()) + " orders/s");
    map.put("duration", settings.duration().toSeconds() + " s (after 2,000 warm-up orders)");
    map.put("mix", settings.mix().toString());
    map.put("payload", settings.payloadBytes() + " bytes of JSON per order");
    map.put("buyers", settings.buyerPool() + ", each ordering in turn");
    map.put("Meta latency (end to end)", settings.metaLatency().toMillis() + " ms");
    map.put("Meta latency (sender phase)", settings.senderLatency().toMillis() + " ms");
    return map;
  }

  private static String cpuNote(List<ResourceUsage> resources) {
    double total = resources.stream().mapToDouble(ResourceUsage::cpuPercentAvg).sum();
    double perThousand = resources.stream().mapToDouble(ResourceUsage::cpuSecondsPerThousand).sum();
    return "During the load the watched processes used %s %% CPU together, of %d %% the machine has, %s CPU-seconds per 1,000 orders (the schema registry and any other work on the machine come on top)."
        .formatted(
            f(total),
            100 * Runtime.getRuntime().availableProcessors(),
            String.format(Locale.ROOT, "%.2f", perThousand));
  }

  static String f(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.1f", value);
  }
}
