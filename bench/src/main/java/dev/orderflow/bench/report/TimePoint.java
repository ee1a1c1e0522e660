package dev.orderflow.bench.report;

/**
 * One second of the run.
 *
 * @param second seconds since the load started
 * @param producedPerSecond orders the generator sent in this second
 * @param deliveredPerSecond messages Meta received in this second
 * @param p50Millis median latency of the messages received in this second (NaN if none)
 * @param p99Millis 99th percentile of the same
 */
public record TimePoint(
    long second,
    long producedPerSecond,
    long deliveredPerSecond,
    double p50Millis,
    double p99Millis) {}
