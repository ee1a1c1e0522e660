package dev.orderflow.router;

import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.registry.RegistryClientConfig;
import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.topology.RouterSerdes;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;

/** The router's Avro serdes over one shared registry client (Confluent wire format). */
public final class RouterSerdesFactory {
  private RouterSerdesFactory() {}

  public static RouterSerdes create(RegistryConfig config) {
    String url = config.url().toString();
    return create(new SchemaRegistryClient(config.clientConfig()), url, config.autoRegister());
  }

  public static RouterSerdes create(SchemaRegistry registry, String url, boolean autoRegister) {
    AvroSerdeConfig serdeConfig =
        new AvroSerdeConfig(url, autoRegister, RegistryClientConfig.DEFAULT_TIMEOUT, false);
    return new RouterSerdes(
        new AvroSerde<>(registry, serdeConfig, OrderCreated.class),
        new AvroSerde<>(registry, serdeConfig, NotificationRequested.class));
  }
}
