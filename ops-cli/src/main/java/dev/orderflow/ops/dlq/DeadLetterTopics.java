package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.TopicNames;
import java.util.List;
import java.util.Set;

/** The pipeline's parking places, and the topics a replay may write to without --force. */
final class DeadLetterTopics {
  /** Every place a record can be parked, read by default by list, show and stats. */
  static final List<String> ALL =
      List.of(
          TopicNames.deadLetterTopic("whatsapp"),
          TopicNames.deadLetterTopic("instagram"),
          TopicNames.NOTIFY_UNROUTABLE,
          TopicNames.ROUTER_DEAD_LETTERS,
          TopicNames.ORDERS_REJECTED);

  /** Read by default by replay: rejections are answers to vendors, not records to resend. */
  static final List<String> REPLAYABLE =
      ALL.stream().filter(t -> !t.equals(TopicNames.ORDERS_REJECTED)).toList();

  /** The pipeline's input topics, the only default targets of a replay. */
  static final Set<String> PIPELINE =
      Set.of(
          TopicNames.ORDERS_SUBMITTED,
          TopicNames.ORDERS_CREATED,
          TopicNames.NOTIFY_WHATSAPP,
          TopicNames.NOTIFY_INSTAGRAM);

  private DeadLetterTopics() {}
}
