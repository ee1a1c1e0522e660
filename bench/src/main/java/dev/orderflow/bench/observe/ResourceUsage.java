package dev.orderflow.bench.observe;

/**
 * One process's CPU and memory over a measurement.
 *
 * @param cpuPercentAvg CPU time over wall time (100 = one full core)
 * @param cpuPercentMax the busiest one-second sample
 */
public record ResourceUsage(
    String process,
    double cpuPercentAvg,
    double cpuPercentMax,
    double rssMibAvg,
    double rssMibMax) {}
