package dev.orderflow.bench.load;

import dev.orderflow.bench.orders.BuyerProfile;
import dev.orderflow.bench.orders.CatalogItem;
import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmissionMetadata;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import dev.orderflow.schema.WhatsAppTemplate;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Records of the later stages' inputs, built directly: an {@code OrderCreated} as order-ingest
 * writes it (for the router), a {@code NotificationRequested} as the router writes it (for a
 * sender). Each shows an iPhone 15 Pro and AirPods Pro order of ₦1,380,000.
 */
public final class SyntheticRecords {
  static final String VENDOR = "vendor-bench";
  private static final long TOTAL =
      CatalogItem.IPHONE_15_PRO.unitPriceMinor() + CatalogItem.AIRPODS_PRO.unitPriceMinor();

  private SyntheticRecords() {}

  /** The pipeline-wide id of a synthetic order: the router's output key and the ledger's. */
  public static String orderIdOf(String vendorOrderId) {
    return VENDOR + ":" + vendorOrderId;
  }

  public static OrderCreated orderCreated(
      String vendorOrderId, String buyerId, String topic, long offset) {
    Instant now = Instant.now();
    return OrderCreated.newBuilder()
        .setOrderId(VENDOR + ":" + vendorOrderId)
        .setVendorId(VENDOR)
        .setVendorOrderId(vendorOrderId)
        .setBuyerId(buyerId)
        .setCurrency("NGN")
        .setItems(List.of(item(CatalogItem.IPHONE_15_PRO), item(CatalogItem.AIRPODS_PRO)))
        .setTotalMinor(TOTAL)
        .setCorrelationId("corr-" + vendorOrderId)
        .setSubmittedAt(now)
        .setCreatedAt(now)
        .setSubmission(
            SubmissionMetadata.newBuilder()
                .setFormat(SubmissionFormat.JSON)
                .setTopic(topic)
                .setPartition(0)
                .setOffset(offset)
                .setSchemaId(null)
                .setContentHash("bench-" + vendorOrderId)
                .build())
        .setNote(null)
        .build();
  }

  /** What the router would send this buyer (template for WhatsApp, text for Instagram). */
  public static NotificationRequested notification(String vendorOrderId, BuyerProfile buyer) {
    boolean whatsapp = "WHATSAPP".equals(buyer.platform());
    String total = naira(TOTAL);
    String text =
        "Hi "
            + buyer.displayName()
            + "! Your order "
            + vendorOrderId
            + " is confirmed.\n\n"
            + "Items:\n• 1 × iPhone 15 Pro – ₦1,200,000\n• 1 × AirPods Pro – ₦180,000\n\nTotal: "
            + total;
    NotificationRequested.Builder builder =
        NotificationRequested.newBuilder()
            .setNotificationId(
                VENDOR + ":" + vendorOrderId + ":" + (whatsapp ? "whatsapp" : "instagram"))
            .setOrderId(VENDOR + ":" + vendorOrderId)
            .setBuyerId(buyer.buyerId())
            .setPlatform(
                whatsapp
                    ? dev.orderflow.schema.Platform.WHATSAPP
                    : dev.orderflow.schema.Platform.INSTAGRAM)
            .setRecipient(whatsapp ? buyer.whatsappPhone() : buyer.instagramScopedId())
            .setLocale("en-NG")
            .setCurrency("NGN")
            .setTotalMinor(TOTAL)
            .setText(text)
            .setInsideServiceWindow(false)
            .setCorrelationId("corr-" + vendorOrderId)
            .setRequestedAt(Instant.now());
    builder.setTemplate(whatsapp ? template(buyer.displayName(), vendorOrderId, total) : null);
    return builder.build();
  }

  private static WhatsAppTemplate template(String name, String vendorOrderId, String total) {
    return new WhatsAppTemplate(
        "order_confirmation",
        "en",
        List.of(
            text(name),
            text(vendorOrderId),
            new TemplateParameter(TemplateParameterType.CURRENCY, total, "NGN", TOTAL * 10),
            text("1 × iPhone 15 Pro, 1 × AirPods Pro")));
  }

  private static TemplateParameter text(String value) {
    return new TemplateParameter(TemplateParameterType.TEXT, value, null, null);
  }

  private static LineItem item(CatalogItem item) {
    return new LineItem(item.sku(), item.name(), 1, item.unitPriceMinor());
  }

  static String naira(long kobo) {
    DecimalFormat format =
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return "₦" + format.format(BigDecimal.valueOf(kobo, 2));
  }
}
