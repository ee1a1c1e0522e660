package dev.orderflow.ingest.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An order as read from a submission, before any rule is applied. A field is null when it was
 * absent or could not be read; {@code problems} holds what the reader already found wrong (a wrong
 * type, an unreadable timestamp, invalid UTF-8), so the validator reports those fields once.
 */
public record DraftOrder(
    String vendorId,
    String orderId,
    String buyerId,
    String currency,
    List<DraftItem> items,
    Long totalMinor,
    Instant submittedAt,
    String note,
    List<Reason> problems) {

  public DraftOrder {
    // An item that could not be read at all is a null element, so copyOf (no nulls) will not do.
    items = items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
    problems = List.copyOf(problems);
  }
}
