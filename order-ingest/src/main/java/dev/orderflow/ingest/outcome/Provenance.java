package dev.orderflow.ingest.outcome;

/** Where a submission was read from. */
public record Provenance(String topic, int partition, long offset, long timestampMillis) {

  /** {@code topic/partition@offset}: the {@code ingest.source} header of every outcome. */
  public String position() {
    return topic + "/" + partition + "@" + offset;
  }
}
