package dev.orderflow.webhooks;

import dev.orderflow.common.service.ServiceLauncher;

/** Runs meta-webhooks: {@code java -jar meta-webhooks.jar [--config file.properties]}. */
public final class MetaWebhooksMain {
  public static final String SERVICE_NAME = "meta-webhooks";
  public static final int OPS_PORT = 8185;

  private MetaWebhooksMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run(SERVICE_NAME, OPS_PORT, args, MetaWebhooksService::create);
  }
}
