package dev.orderflow.bench.report;

/** Vendor produce → Meta receipt, in milliseconds, over {@code count} delivered orders. */
public record LatencySummary(long count, double p50, double p95, double p99, double max) {}
