package dev.orderflow.router.render;

import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.OrderCreated;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-text order confirmation, kept within a UTF-8 byte budget: when the item list does not
 * fit, the last items give way to "…and N more items"; only if even that is too long is the text
 * cut, at a grapheme boundary.
 */
public final class OrderText {
  /** One very long item name must not crowd out the rest of the list. */
  static final int ITEM_NAME_MAX_BYTES = 120;

  private OrderText() {}

  public static String render(
      Messages messages, String buyerName, OrderCreated order, int maxBytes) {
    String name = buyerName == null ? messages.get("buyer.fallbackName") : buyerName;
    String head = messages.get("greeting", name, order.getVendorOrderId());
    String tail =
        "\n\n"
            + messages.get("total", new Money(order.getTotalMinor(), order.getCurrency()).format())
            + "\n"
            + messages.get("closing");
    List<String> lines = itemLines(messages, order);
    if (lines.isEmpty()) {
      return Utf8Text.truncate(head + tail, maxBytes);
    }
    String itemsHeader = "\n\n" + messages.get("items.header");
    int fixed = Utf8Text.bytes(head) + Utf8Text.bytes(itemsHeader) + Utf8Text.bytes(tail);
    int[] prefix = new int[lines.size() + 1];
    for (int i = 0; i < lines.size(); i++) {
      prefix[i + 1] = prefix[i] + 1 + Utf8Text.bytes(lines.get(i));
    }
    // Not monotonic in `shown` (the "more" line can outweigh a short item), hence a full scan down.
    for (int shown = lines.size(); shown >= 0; shown--) {
      String more = moreLine(messages, lines.size() - shown);
      if (fixed + prefix[shown] + Utf8Text.bytes(more) <= maxBytes) {
        return head + itemsHeader + join(lines.subList(0, shown)) + more + tail;
      }
    }
    return Utf8Text.truncate(
        head + itemsHeader + moreLine(messages, lines.size()) + tail, maxBytes);
  }

  private static List<String> itemLines(Messages messages, OrderCreated order) {
    List<String> lines = new ArrayList<>(order.getItems().size());
    for (LineItem item : order.getItems()) {
      long lineTotal = Math.multiplyExact(item.getUnitPriceMinor(), (long) item.getQuantity());
      lines.add(
          messages.get(
              "item.line",
              item.getQuantity(),
              Utf8Text.truncate(item.getName(), ITEM_NAME_MAX_BYTES),
              new Money(lineTotal, order.getCurrency()).format()));
    }
    return lines;
  }

  private static String moreLine(Messages messages, int hidden) {
    return hidden == 0 ? "" : "\n" + messages.get("items.more", hidden);
  }

  private static String join(List<String> lines) {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append('\n').append(line));
    return text.toString();
  }
}
