package dev.orderflow.sender.ledger;

/** Where the record a notification was sent from lies, kept with SENT for a later dead letter. */
public record RecordCoordinates(String topic, int partition, long offset) {}
