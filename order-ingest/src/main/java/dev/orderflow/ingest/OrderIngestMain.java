package dev.orderflow.ingest;

import dev.orderflow.common.service.ServiceLauncher;

/** Runs order-ingest: {@code java -jar order-ingest.jar [--config file.properties]}. */
public final class OrderIngestMain {
  public static final String SERVICE_NAME = "order-ingest";
  public static final int OPS_PORT = 8181;

  private OrderIngestMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run(SERVICE_NAME, OPS_PORT, args, OrderIngestService::create);
  }
}
