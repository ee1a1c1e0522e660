package dev.orderflow.bench.pipeline;

/**
 * The pipeline's deployables: the Maven module each is built in, its {@code main} class (used when
 * no shaded jar is found) and its default ops port (design: 8181-8184).
 */
public enum ServiceKind {
  ORDER_INGEST("order-ingest", "dev.orderflow.ingest.OrderIngestMain", 8181),
  NOTIFICATION_ROUTER("notification-router", "dev.orderflow.router.NotificationRouterMain", 8182),
  WHATSAPP_SENDER("whatsapp-sender", "dev.orderflow.whatsapp.WhatsAppSenderMain", 8183),
  INSTAGRAM_SENDER("instagram-sender", "dev.orderflow.instagram.InstagramSenderMain", 8184);

  private final String module;
  private final String mainClass;
  private final int defaultOpsPort;

  ServiceKind(String module, String mainClass, int defaultOpsPort) {
    this.module = module;
    this.mainClass = mainClass;
    this.defaultOpsPort = defaultOpsPort;
  }

  /** The module directory, also the service's name in logs and metrics. */
  public String module() {
    return module;
  }

  public String mainClass() {
    return mainClass;
  }

  public int defaultOpsPort() {
    return defaultOpsPort;
  }
}
