package dev.orderflow.bench.observe;

/**
 * One process's CPU and memory over a measurement.
 *
 * @param cpuPercentAvg CPU time over wall time (100 = one full core)
 * @param cpuPercentMax the busiest one-second sample
 * @param cpuSecondsPerThousand CPU seconds the process spent per 1,000 orders of the measurement:
 *     comparable between runs when the machine is noisy, unlike rates
 */
public record ResourceUsage(
    String process,
    double cpuPercentAvg,
    double cpuPercentMax,
    double rssMibAvg,
    double rssMibMax,
    double cpuSecondsPerThousand) {}
