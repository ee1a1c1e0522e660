package dev.orderflow.ingest.topology;

/** The names of the three topics the service reads and writes. */
public record IngestTopics(String submitted, String created, String rejected) {}
