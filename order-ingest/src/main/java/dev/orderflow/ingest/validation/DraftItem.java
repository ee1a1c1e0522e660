package dev.orderflow.ingest.validation;

/** One line item as read from a submission; any field may be absent. */
public record DraftItem(String sku, String name, Long quantity, Long unitPriceMinor) {}
