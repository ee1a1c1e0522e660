package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.TopicNames;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where replay keeps its books and checks the ledger; rarely changed outside tests. */
final class ReplayOptions {
  @Option(
      names = "--pipeline-topic",
      paramLabel = "TOPIC",
      split = ",",
      description =
          "Also count this topic as a pipeline topic (for renamed topics; the defaults are"
              + " orders.submitted.v1, orders.created.v1, notify.whatsapp.v1, notify.instagram.v1).")
  List<String> pipelineTopics = new ArrayList<>();

  @Option(
      names = "--no-ledger-check",
      description = "Do not skip records the ledger says were sent (the senders still check).")
  boolean noLedgerCheck;

  @Mixin LedgerOptions ledger;

  @Option(
      names = "--audit-topic",
      paramLabel = "TOPIC",
      defaultValue = TopicNames.DLQ_REPLAY_AUDIT,
      description = "Where each replay is recorded (default: ${DEFAULT-VALUE}).")
  String auditTopic;

  @Option(
      names = "--progress-topic",
      paramLabel = "TOPIC",
      defaultValue = ProgressTopic.DEFAULT,
      description = "Compacted checkpoint of replayed records (default: ${DEFAULT-VALUE}).")
  String progressTopic;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Records per transaction (default: ${DEFAULT-VALUE}; also committed every 1 s).")
  int batch;
}
