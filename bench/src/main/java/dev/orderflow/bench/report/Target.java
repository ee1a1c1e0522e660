package dev.orderflow.bench.report;

/** A target from the issue, what was measured against it, and whether it was met. */
public record Target(String name, String target, String measured, boolean met, String note) {}
