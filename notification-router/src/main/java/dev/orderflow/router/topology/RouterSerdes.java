package dev.orderflow.router.topology;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the router's Avro topics (Confluent wire format in production). */
public record RouterSerdes(
    Serde<OrderCreated> orderCreated, Serde<NotificationRequested> notification) {

  public RouterSerdes {
    Objects.requireNonNull(orderCreated, "orderCreated");
    Objects.requireNonNull(notification, "notification");
  }
}
