package dev.orderflow.router;

import dev.orderflow.common.service.ServiceLauncher;

/** Runs the notification router: {@code java -jar notification-router-all.jar [--config file]}. */
public final class NotificationRouterMain {
  public static final String SERVICE_NAME = "notification-router";
  public static final int OPS_PORT = 8182;

  private NotificationRouterMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run(SERVICE_NAME, OPS_PORT, args, NotificationRouterService::create);
  }
}
