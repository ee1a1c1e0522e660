package dev.orderflow.router;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmissionMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders and buyers for tests. */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

  private Fixtures() {}

  /** The keys the router has no default for (Kafka, registry, AWS region), as a mutable map. */
  public static Map<String, String> requiredConfig() {
    return new HashMap<>(
        Map.of(
            "kafka.bootstrap.servers", "127.0.0.1:9092",
            "schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7",
            "aws.region", "eu-west-1"));
  }

  public static OrderCreated order(String orderId, String buyerId, List<LineItem> items) {
    long total = items.stream().mapToLong(i -> i.getUnitPriceMinor() * i.getQuantity()).sum();
    return order(orderId, buyerId, items, "NGN", total);
  }

  public static OrderCreated order(
      String orderId, String buyerId, List<LineItem> items, String currency, long totalMinor) {
    return OrderCreated.newBuilder()
        .setOrderId(orderId)
        .setVendorId("vendor-7")
        .setVendorOrderId(orderId.substring(orderId.indexOf(':') + 1))
        .setBuyerId(buyerId)
        .setCurrency(currency)
        .setItems(items)
        .setTotalMinor(totalMinor)
        .setCorrelationId("corr-" + orderId)
        .setSubmittedAt(NOW.minusSeconds(2))
        .setCreatedAt(NOW.minusSeconds(1))
        .setSubmission(
            SubmissionMetadata.newBuilder()
                .setFormat(SubmissionFormat.JSON)
                .setTopic("orders.submitted.v1")
                .setPartition(0)
                .setOffset(42)
                .setContentHash("0".repeat(64))
                .build())
        .build();
  }

  public static OrderCreated order(String orderId, String buyerId) {
    return order(
        orderId,
        buyerId,
        List.of(
            item("Ankara fabric, 6 yards", 2, 45_000_00), item("Gele head tie", 1, 1_290_000_00)));
  }

  public static LineItem item(String name, int quantity, long unitPriceMinor) {
    return LineItem.newBuilder()
        .setSku("sku-" + Math.abs(name.hashCode()))
        .setName(name)
        .setQuantity(quantity)
        .setUnitPriceMinor(unitPriceMinor)
        .build();
  }

  public static List<LineItem> items(int count) {
    List<LineItem> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      items.add(item("Hand-woven Aso-oke fabric, colour " + i, i, 12_500_00));
    }
    return items;
  }

  public static Buyer whatsappBuyer(String buyerId, String locale) {
    return new Buyer(buyerId, "WHATSAPP", "+2348031234567", null, "Adaeze", locale, false, NOW);
  }

  public static Buyer instagramBuyer(String buyerId, String locale) {
    return new Buyer(buyerId, "INSTAGRAM", null, "17841400000000001", "Tunde", locale, false, NOW);
  }
}
