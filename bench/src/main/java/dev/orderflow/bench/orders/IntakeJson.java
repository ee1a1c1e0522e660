package dev.orderflow.bench.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON intake form of an order (schemas' submitted-order.schema.json): ids, ISO currency, items
 * with integer kobo prices, the total, and {@code submittedAt} in RFC 3339.
 */
public final class IntakeJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private IntakeJson() {}

  /** One line of an order as submitted. */
  public record Line(String sku, String name, int quantity, long unitPriceMinor) {
    public static Line of(CatalogItem item, int quantity) {
      return new Line(item.sku(), item.name(), quantity, item.unitPriceMinor());
    }

    public long totalMinor() {
      return Math.multiplyExact(unitPriceMinor, (long) quantity);
    }
  }

  public static long sum(List<Line> lines) {
    return lines.stream().mapToLong(Line::totalMinor).sum();
  }

  /** The order's JSON bytes; {@code note} is left out when null. */
  public static byte[] write(
      String vendorId,
      String orderId,
      String buyerId,
      String currency,
      List<Line> lines,
      long totalMinor,
      Instant submittedAt,
      String note) {
    ObjectNode order = MAPPER.createObjectNode();
    order.put("vendorId", vendorId);
    order.put("orderId", orderId);
    order.put("buyerId", buyerId);
    order.put("currency", currency);
    ArrayNode items = order.putArray("items");
    for (Line line : lines) {
      items
          .addObject()
          .put("sku", line.sku())
          .put("name", line.name())
          .put("quantity", line.quantity())
          .put("unitPriceMinor", line.unitPriceMinor());
    }
    order.put("totalMinor", totalMinor);
    order.put("submittedAt", submittedAt.toString());
    if (note != null) {
      order.put("note", note);
    }
    try {
      return MAPPER.writeValueAsBytes(order);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }
}
