package dev.orderflow.ingest.intake;

import dev.orderflow.ingest.validation.DraftItem;
import dev.orderflow.ingest.validation.DraftOrder;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/** Turns a decoded SubmittedOrder into a draft, checking that every string is valid UTF-8. */
final class AvroFields {
  private final List<Reason> problems = new ArrayList<>();

  private AvroFields() {}

  static DraftOrder draft(GenericRecord record) {
    AvroFields fields = new AvroFields();
    List<DraftItem> items = new ArrayList<>();
    List<?> rawItems = (List<?>) record.get("items");
    for (int i = 0; i < rawItems.size(); i++) {
      items.add(fields.item((GenericRecord) rawItems.get(i), "items[" + i + "]"));
    }
    return new DraftOrder(
        fields.text(record, "vendorId", "vendorId"),
        fields.text(record, "orderId", "orderId"),
        fields.text(record, "buyerId", "buyerId"),
        fields.text(record, "currency", "currency"),
        items,
        (Long) record.get("totalMinor"),
        Instant.ofEpochMilli((Long) record.get("submittedAt")),
        fields.text(record, "note", "note"),
        fields.problems);
  }

  private DraftItem item(GenericRecord item, String path) {
    return new DraftItem(
        text(item, "sku", path + ".sku"),
        text(item, "name", path + ".name"),
        ((Integer) item.get("quantity")).longValue(),
        (Long) item.get("unitPriceMinor"));
  }

  private String text(GenericRecord record, String name, String path) {
    Utf8 raw = (Utf8) record.get(name);
    if (raw == null) {
      return null;
    }
    StrictUtf8.Decoded decoded = StrictUtf8.decode(raw.getBytes(), 0, raw.getByteLength());
    if (decoded.ok()) {
      return decoded.text();
    }
    problems.add(
        new Reason(
            ReasonCode.INVALID_UTF8,
            path,
            path
                + " is not valid UTF-8 (invalid byte at offset "
                + decoded.invalidAt()
                + " of the string); Avro strings must be UTF-8."));
    return null;
  }
}
