package dev.orderflow.ingest.outcome;

/** Where a submission was read from. */
public record Provenance(String topic, int partition, long offset, long timestampMillis) {}
