package dev.orderflow.ingest.outcome;

import dev.orderflow.ingest.validation.ValidItem;
import dev.orderflow.ingest.validation.ValidOrder;
import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmissionMetadata;
import java.time.Instant;

/** Builds the OrderCreated published for a valid order. */
public final class OrderCreatedFactory {
  private OrderCreatedFactory() {}

  public static OrderCreated create(
      ValidOrder order,
      SubmissionFormat format,
      Integer schemaId,
      Provenance source,
      String correlationId,
      Instant createdAt) {
    return OrderCreated.newBuilder()
        .setOrderId(order.orderId())
        .setVendorId(order.vendorId())
        .setVendorOrderId(order.vendorOrderId())
        .setBuyerId(order.buyerId())
        .setCurrency(order.currency())
        .setItems(order.items().stream().map(OrderCreatedFactory::lineItem).toList())
        .setTotalMinor(order.totalMinor())
        .setCorrelationId(correlationId)
        .setSubmittedAt(order.submittedAt())
        .setCreatedAt(createdAt)
        .setSubmission(
            SubmissionMetadata.newBuilder()
                .setFormat(format)
                .setTopic(source.topic())
                .setPartition(source.partition())
                .setOffset(source.offset())
                .setSchemaId(schemaId)
                .setContentHash(order.contentHash())
                .build())
        .setNote(order.note())
        .build();
  }

  private static LineItem lineItem(ValidItem item) {
    return LineItem.newBuilder()
        .setSku(item.sku())
        .setName(item.name())
        .setQuantity(item.quantity())
        .setUnitPriceMinor(item.unitPriceMinor())
        .build();
  }
}
