package dev.orderflow.common.serde;

import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmissionMetadata;
import dev.orderflow.schema.SubmittedOrder;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import dev.orderflow.schema.WhatsAppTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;

/** The schemas/examples order (iPhone 15 Pro + AirPods Pro, ₦1,380,000) as each contract. */
final class Contracts {
  static final Instant SUBMITTED_AT = Instant.parse("2025-11-26T09:15:00Z");

  private Contracts() {}

  static List<LineItem> items() {
    return List.of(
        new LineItem("APL-IP15PRO-256", "iPhone 15 Pro", 1, 120_000_000L),
        new LineItem("APL-AIRPODSPRO-2", "AirPods Pro", 1, 18_000_000L));
  }

  static SubmittedOrder submittedOrder() {
    return SubmittedOrder.newBuilder()
        .setVendorId("vendor-lagos-gadgets")
        .setOrderId("LG-2025-000123")
        .setBuyerId("buyer-0042")
        .setCurrency("NGN")
        .setItems(items())
        .setTotalMinor(138_000_000L)
        .setSubmittedAt(SUBMITTED_AT)
        .setNote("Delivery to Lekki Phase 1, call on arrival.")
        .build();
  }

  static OrderCreated orderCreated() {
    return OrderCreated.newBuilder()
        .setOrderId("vendor-lagos-gadgets:LG-2025-000123")
        .setVendorId("vendor-lagos-gadgets")
        .setVendorOrderId("LG-2025-000123")
        .setBuyerId("buyer-0042")
        .setCurrency("NGN")
        .setItems(items())
        .setTotalMinor(138_000_000L)
        .setCorrelationId("3f2c9a4e-8b1d-4c6f-9e2a-5d7b1c0a9f31")
        .setSubmittedAt(SUBMITTED_AT)
        .setCreatedAt(SUBMITTED_AT.plusMillis(1250))
        .setSubmission(
            new SubmissionMetadata(
                SubmissionFormat.AVRO, "orders.submitted.v1", 3, 41_872L, 7, "9b1e5c2a"))
        .setNote(null)
        .build();
  }

  static NotificationRequested notificationRequested() {
    return NotificationRequested.newBuilder()
        .setNotificationId("vendor-lagos-gadgets:LG-2025-000123:whatsapp")
        .setOrderId("vendor-lagos-gadgets:LG-2025-000123")
        .setBuyerId("buyer-0042")
        .setPlatform(Platform.WHATSAPP)
        .setRecipient("+2348031234567")
        .setLocale("en-NG")
        .setCurrency("NGN")
        .setTotalMinor(138_000_000L)
        .setText("Your order LG-2025-000123 for ₦1,380,000 is confirmed.")
        .setTemplate(
            new WhatsAppTemplate(
                "order_confirmation",
                "en",
                List.of(
                    new TemplateParameter(TemplateParameterType.TEXT, "Ada", null, null),
                    new TemplateParameter(
                        TemplateParameterType.CURRENCY, "₦1,380,000", "NGN", 1_380_000_000L))))
        .setInsideServiceWindow(false)
        .setCorrelationId("3f2c9a4e-8b1d-4c6f-9e2a-5d7b1c0a9f31")
        .setRequestedAt(SUBMITTED_AT.plusSeconds(2))
        .build();
  }

  /**
   * The same order as {@link #submittedOrder()}, built generically with the given SubmittedOrder
   * schema (any version): what a client without the generated classes writes.
   */
  static GenericRecord genericSubmittedOrder(Schema schema) {
    Schema item = schema.getField("items").schema().getElementType();
    List<GenericData.Record> items =
        items().stream()
            .map(
                line ->
                    new GenericRecordBuilder(item)
                        .set("sku", line.getSku())
                        .set("name", line.getName())
                        .set("quantity", line.getQuantity())
                        .set("unitPriceMinor", line.getUnitPriceMinor())
                        .build())
            .toList();
    // Not GenericRecordBuilder: callers may add fields of their own schema afterwards.
    GenericRecord order = new GenericData.Record(schema);
    order.put("vendorId", "vendor-lagos-gadgets");
    order.put("orderId", "LG-2025-000123");
    order.put("buyerId", "buyer-0042");
    order.put("currency", "NGN");
    order.put("items", items);
    order.put("totalMinor", 138_000_000L);
    order.put("submittedAt", SUBMITTED_AT.toEpochMilli());
    if (schema.getField("note") != null) {
      order.put("note", "Delivery to Lekki Phase 1, call on arrival.");
    }
    return order;
  }

  /** The schema plus a required string field without default: a change no reader can absorb. */
  static Schema withNewRequiredField(Schema schema, String field) {
    List<Schema.Field> fields = new ArrayList<>();
    schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field(field, Schema.create(Schema.Type.STRING)));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  /** A schema shipped in the schemas jar: /avro/X.avsc (current) or /avro/history/X/vN.avsc. */
  static Schema schemaResource(String path) {
    Schema.Parser parser = new Schema.Parser();
    // History files stand alone; current ones refer to LineItem, which must be parsed first.
    if (!path.startsWith("/avro/history/") && !path.equals("/avro/LineItem.avsc")) {
      parse(parser, "/avro/LineItem.avsc");
    }
    return parse(parser, path);
  }

  private static Schema parse(Schema.Parser parser, String path) {
    try (InputStream in = Contracts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the classpath");
      }
      return parser.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
