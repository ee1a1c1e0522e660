package dev.orderflow.bench.pipeline;

import dev.orderflow.common.kafka.TopicNames;
import java.util.List;

/**
 * The topics, tables, secret and application ids one pipeline uses. {@link #standard()} is what
 * dev/start.sh provisions (the demo); {@link #unique} gives a run its own set, so a test or a
 * benchmark sees nothing but its own records.
 */
public record PipelineNames(
    String suffix,
    String submitted,
    String created,
    String rejected,
    String whatsapp,
    String instagram,
    String unroutable,
    String routerDeadLetters,
    String buyersTable,
    String ledgerTable,
    String secretName) {

  public static final String LOCAL_SECRET = "orderflow/local/meta-credentials";

  public static PipelineNames standard() {
    return new PipelineNames(
        "",
        TopicNames.ORDERS_SUBMITTED,
        TopicNames.ORDERS_CREATED,
        TopicNames.ORDERS_REJECTED,
        TopicNames.NOTIFY_WHATSAPP,
        TopicNames.NOTIFY_INSTAGRAM,
        TopicNames.NOTIFY_UNROUTABLE,
        TopicNames.ROUTER_DEAD_LETTERS,
        "buyers",
        "notification-ledger",
        LOCAL_SECRET);
  }

  /** Every name suffixed with {@code .<runId>} (tables and the secret with {@code -<runId>}). */
  public static PipelineNames unique(String runId) {
    String dot = "." + runId;
    return new PipelineNames(
        "-" + runId,
        TopicNames.ORDERS_SUBMITTED + dot,
        TopicNames.ORDERS_CREATED + dot,
        TopicNames.ORDERS_REJECTED + dot,
        TopicNames.NOTIFY_WHATSAPP + dot,
        TopicNames.NOTIFY_INSTAGRAM + dot,
        TopicNames.NOTIFY_UNROUTABLE + dot,
        TopicNames.ROUTER_DEAD_LETTERS + dot,
        "buyers-" + runId,
        "notification-ledger-" + runId,
        "orderflow/run-" + runId + "/meta-credentials");
  }

  /**
   * The standard topic names (for a broker of the run's own) with the run's own tables, secret and
   * application ids on the shared DynamoDB and Secrets Manager.
   */
  public static PipelineNames standardTopicsOwnData(String runId) {
    PipelineNames unique = unique(runId);
    PipelineNames standard = standard();
    return new PipelineNames(
        unique.suffix,
        standard.submitted,
        standard.created,
        standard.rejected,
        standard.whatsapp,
        standard.instagram,
        standard.unroutable,
        standard.routerDeadLetters,
        unique.buyersTable,
        unique.ledgerTable,
        unique.secretName);
  }

  /** The main-flow topics (six partitions each by default). */
  public List<String> flowTopics() {
    return List.of(submitted, created, whatsapp, instagram);
  }

  /** Rejections, unroutable records and dead letters (three partitions each by default). */
  public List<String> sideTopics() {
    return List.of(rejected, unroutable, routerDeadLetters);
  }

  /** Kafka Streams application id or consumer group of a service in this pipeline. */
  public String groupOf(ServiceKind kind) {
    return kind.module() + suffix;
  }
}
