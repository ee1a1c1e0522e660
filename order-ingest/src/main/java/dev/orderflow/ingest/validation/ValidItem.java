package dev.orderflow.ingest.validation;

/** A line item that passed every rule; text is trimmed. */
public record ValidItem(String sku, String name, int quantity, long unitPriceMinor) {}
