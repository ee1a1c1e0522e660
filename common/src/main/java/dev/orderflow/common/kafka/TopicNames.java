package dev.orderflow.common.kafka;

/**
 * Default names of the pipeline's topics, as provisioning/pipeline.yaml declares them; each service
 * can override them in config.
 */
public final class TopicNames {
  private TopicNames() {}

  public static final String ORDERS_SUBMITTED = "orders.submitted.v1";
  public static final String ORDERS_CREATED = "orders.created.v1";
  public static final String ORDERS_REJECTED = "orders.rejected.v1";
  public static final String NOTIFY_WHATSAPP = "notify.whatsapp.v1";
  public static final String NOTIFY_INSTAGRAM = "notify.instagram.v1";
  public static final String NOTIFY_UNROUTABLE = "notify.unroutable.v1";
  public static final String ROUTER_DEAD_LETTERS = "notification-router.dlq.v1";
  public static final String DLQ_REPLAY_AUDIT = "ops.dlq-replay-audit.v1";
  public static final String DLQ_REPLAY_PROGRESS = "ops.dlq-replay-progress.v1";
  public static final String NOTIFY_STATUS = "notify.status.v1";
  public static final String BUYER_INBOUND = "buyer.inbound.v1";
  public static final String WEBHOOKS_UNPARSED = "meta-webhooks.unparsed.v1";

  public static String platformTopic(String platform) {
    return "notify." + platform + ".v1";
  }

  public static String retryTopic(String platform, String delay) {
    return "notify." + platform + ".retry." + delay;
  }

  public static String deadLetterTopic(String platform) {
    return "notify." + platform + ".dlq.v1";
  }
}
