package dev.orderflow.bench;

import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.report.LatencySummary;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.devservers.meta.DeliveredMessage;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.WebhookDelivery;
import dev.orderflow.devservers.meta.WebhookSettings;
import dev.orderflow.webhooks.MetaWebhooksMain;
import dev.orderflow.webhooks.MetaWebhooksService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Meta's status webhooks under load. One WhatsApp sender drains a backlog while the simulator posts
 * sent, delivered and read for every message it accepts to meta-webhooks (the real service, run in
 * this JVM: it is an HTTP endpoint, so only its address matters), which writes them to a status
 * topic the sender applies to its ledger. Send → delivered is the time from Meta accepting a
 * message to meta-webhooks answering 200 for its delivered status, which it does only once the
 * status is durably on the topic; the same for read. The ledger count says how many reached the
 * sender's ledger as READ.
 */
final class DeliveryStatusPhase {
  /** Enough for steady percentiles; the simulator posts three webhooks per message. */
  static final int RECORDS = 1_000;

  /** The simulator's own delays before each status, so the figures read as overhead above them. */
  static final long DELIVERED_DELAY_MS = 100;

  static final long READ_DELAY_MS = 200;

  private static final Duration LIMIT = Duration.ofMinutes(3);
  private static final String APP_SECRET = "bench-app-secret";
  private static final String VERIFY_TOKEN = "bench-verify-token";

  /**
   * @param readInLedger ledger entries with {@code deliveryStatus = READ}, of {@code sent}
   * @param took from the sender's start until every read was in the ledger (or the limit)
   */
  record Result(
      int sent, LatencySummary delivered, LatencySummary read, long readInLedger, Duration took) {}

  private final BenchContext context;

  DeliveryStatusPhase(BenchContext context) {
    this.context = context;
  }

  Result run() throws Exception {
    String runId = context.runId() + "s";
    PipelineNames names = PipelineNames.unique(runId);
    String status = "bench.status." + runId;
    List<String> receiverTopics =
        List.of(status, "bench.inbound." + runId, "bench.unparsed." + runId);
    PipelineResources resources = context.resources();
    resources.create(names, 6);
    resources.createTopics(receiverTopics, 6);
    resources.putSecret(names.secretName(), secretWithWebhookKeys());
    SenderCapacityPhase.backlog(context, runId, Platform.WHATSAPP, names.whatsapp(), RECORDS);
    WebhookSettings before = context.meta().webhookSettings();
    try (Metrics metrics = Metrics.create(MetaWebhooksMain.SERVICE_NAME, "bench")) {
      MetaWebhooksService receiver = receiver(names, receiverTopics, metrics);
      try {
        context.meta().reset();
        context.metaLatency(Duration.ofMillis(20));
        context
            .meta()
            .updateWebhooks(
                w ->
                    w.withUrl(receiver.endpoint() + "/webhooks/meta")
                        .withSecrets(APP_SECRET, VERIFY_TOKEN)
                        .withDelays(0, DELIVERED_DELAY_MS, READ_DELAY_MS));
        Instant started = Instant.now();
        try (Pipeline sender = start(names, status)) {
          awaitReads(names);
          return measure(names, Duration.between(started, Instant.now()));
        }
      } finally {
        receiver.stop();
      }
    } finally {
      context.meta().updateWebhooks(w -> before);
      resources.delete(names);
      resources.deleteTopics(receiverTopics);
    }
  }

  private Pipeline start(PipelineNames names, String status) {
    return new Pipeline(
            names,
            context.stack(),
            List.of(ServiceKind.WHATSAPP_SENDER),
            context.repositoryRoot(),
            context.workDir(),
            service -> {
              service.getValue().put("RATE_NUMBER_PER_SECOND", "1000");
              service.getValue().put("STATUS_TOPIC", status);
            },
            context.profiles())
        .startAll();
  }

  /** Until Meta has posted every read and the ledger has applied them, or the limit. */
  private void awaitReads(PipelineNames names) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while ((accepted("read") < RECORDS || readInLedger(names) < RECORDS)
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }

  private long readInLedger(PipelineNames names) {
    return context
        .clients()
        .dynamoDb()
        .scanPaginator(
            b ->
                b.tableName(names.ledgerTable())
                    .filterExpression("deliveryStatus = :read")
                    .expressionAttributeValues(Map.of(":read", AttributeValue.fromS("READ"))))
        .stream()
        .mapToLong(page -> page.count())
        .sum();
  }

  private long accepted(String event) {
    return context.meta().webhookDeliveries().stream()
        .filter(d -> d.accepted() && event.equals(d.event()))
        .count();
  }

  private Result measure(PipelineNames names, Duration took) {
    Map<String, Instant> acceptedAt = new HashMap<>();
    for (DeliveredMessage message : context.meta().messages(Platform.WHATSAPP)) {
      acceptedAt.put(message.id(), message.receivedAt());
    }
    List<Duration> delivered = new ArrayList<>();
    List<Duration> read = new ArrayList<>();
    for (WebhookDelivery delivery : context.meta().webhookDeliveries()) {
      Instant accepted = acceptedAt.get(delivery.messageId());
      if (accepted == null || !delivery.accepted()) {
        continue;
      }
      Duration latency = Duration.between(accepted, delivery.at());
      switch (delivery.event()) {
        case "delivered" -> delivered.add(latency);
        case "read" -> read.add(latency);
        default -> {}
      }
    }
    long readInLedger = readInLedger(names);
    return new Result(
        acceptedAt.size(),
        LatencySummary.of(delivered),
        LatencySummary.of(read),
        readInLedger,
        took);
  }

  private MetaWebhooksService receiver(PipelineNames names, List<String> topics, Metrics metrics)
      throws Exception {
    Map<String, String> env = new HashMap<>(context.stack().asEnvironment());
    env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
    env.put("CREDENTIALS_SECRET_NAME", names.secretName());
    env.put("TOPICS_NOTIFY_STATUS", topics.get(0));
    env.put("TOPICS_BUYER_INBOUND", topics.get(1));
    env.put("TOPICS_WEBHOOKS_UNPARSED", topics.get(2));
    env.put("WEBHOOKS_HTTP_PORT", "0");
    return MetaWebhooksService.startInThisJvm(
        "bench", env, metrics, new HealthChecks(), new HealthChecks());
  }

  private static String secretWithWebhookKeys() {
    String credentials = PipelineResources.simulatorCredentials();
    return credentials.substring(0, credentials.length() - 1)
        + ",\"metaAppSecret\":\"%s\",\"webhookVerifyToken\":\"%s\"}"
            .formatted(APP_SECRET, VERIFY_TOKEN);
  }
}
