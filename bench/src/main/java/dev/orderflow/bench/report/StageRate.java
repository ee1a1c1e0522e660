package dev.orderflow.bench.report;

/**
 * A stage's output over the run.
 *
 * @param averagePerSecond records over the seconds from its first record to its last
 * @param peakPerSecond the busiest second
 */
public record StageRate(String stage, long records, double averagePerSecond, long peakPerSecond) {}
