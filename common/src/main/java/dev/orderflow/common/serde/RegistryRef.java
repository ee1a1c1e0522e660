package dev.orderflow.common.serde;

import dev.orderflow.common.registry.SchemaRegistry;
import dev.orderflow.common.registry.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry a serde uses, and whether the serde created it and so must close it. */
record RegistryRef(SchemaRegistry registry, SchemaRegistryClient owned) {
  private static final Logger LOGGER = LoggerFactory.getLogger(RegistryRef.class);

  static RegistryRef borrowed(SchemaRegistry registry) {
    if (registry == null) {
      throw new IllegalArgumentException("schema registry must not be null");
    }
    return new RegistryRef(registry, null);
  }

  static RegistryRef owned(AvroSerdeConfig config) {
    SchemaRegistryClient client = new SchemaRegistryClient(config.registryClientConfig());
    return new RegistryRef(client, client);
  }

  void release() {
    if (owned != null) {
      owned.close();
      LOGGER.debug("closed the schema registry client this serde created");
    }
  }
}
