package dev.orderflow.bench.ceiling;

/**
 * One ceiling measurement.
 *
 * @param recordsPerSecond records through end to end (first send to last record read)
 * @param producerPerSecond the producer alone (first send to last acknowledgement)
 */
public record CeilingResult(
    String name, int records, int recordBytes, double recordsPerSecond, double producerPerSecond) {}
