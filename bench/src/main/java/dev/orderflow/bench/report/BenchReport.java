package dev.orderflow.bench.report;

import dev.orderflow.bench.ceiling.CeilingResult;
import dev.orderflow.bench.observe.ResourceUsage;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured.
 *
 * @param settings what the run was asked to do (rate, duration, mix, payload, simulated latency)
 * @param outcomes counts of orders by what became of them (delivered, rejected, lost, …)
 */
public record BenchReport(
    String runId,
    String startedAt,
    String machine,
    Map<String, String> settings,
    List<CeilingResult> ceilings,
    Map<String, Long> outcomes,
    LatencySummary latency,
    List<StageRate> stages,
    List<ResourceUsage> resources,
    List<Target> targets,
    List<String> notes,
    List<TimePoint> timeline) {}
