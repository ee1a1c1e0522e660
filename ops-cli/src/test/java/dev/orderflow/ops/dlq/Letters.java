package dev.orderflow.ops.dlq;

import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;

/** Dead letters read without a broker: an in-memory registry stands in for the real one. */
final class Letters {
  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final DeadLetterReader reader = new DeadLetterReader(new ValueDecoder(registry));
  final int schemaId =
      registry.register("notify.whatsapp.v1-value", NotificationRequested.getClassSchema());

  /** A sender's dead letter for the order, at {@code offset} of notify.whatsapp.dlq.v1. */
  Parked failure(String orderId, String errorClass, String code) {
    NotificationRequested value = Notifications.of(orderId, "buyer-" + orderId, Platform.WHATSAPP);
    return Parked.in("notify.whatsapp.dlq.v1")
        .key(value.getBuyerId())
        .value(Notifications.framed(schemaId, value))
        .header("correlation-id", value.getCorrelationId())
        .senderFailure("notify.whatsapp.v1", errorClass, code, "failed with " + code);
  }

  DeadLetter read(Parked parked, long offset) {
    return reader.read(parked.read(offset));
  }
}
