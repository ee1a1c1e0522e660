package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.TopicNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      names = "--ledger-table",
      paramLabel = "TABLE",
      defaultValue = "notification-ledger",
      description = "The senders' ledger (default: ${DEFAULT-VALUE}).")
  String ledgerTable;

  @Option(
      names = "--no-ledger-check",
      description = "Do not skip records the ledger says were sent (the senders still check).")
  boolean noLedgerCheck;

  @Option(
      names = "--dynamodb-endpoint",
      paramLabel = "URL",
      description =
          "DynamoDB endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB, $AWS_ENDPOINT_URL, else AWS).")
  URI dynamoEndpoint;

  @Option(
      names = "--aws-region",
      paramLabel = "REGION",
      description = "AWS region of the ledger (default: $AWS_REGION; required unless --local).")
  String awsRegion;

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

  /** The AWS flags as the variables they stand for, for the connection. */
  Map<String, String> connectionFlags() {
    Map<String, String> flags = new HashMap<>();
    if (dynamoEndpoint != null) {
      flags.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
    }
    if (awsRegion != null) {
      flags.put("AWS_REGION", awsRegion);
    }
    return flags;
  }

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "100",
      description =
          "Records per transaction (default: ${DEFAULT-VALUE}; also committed every 1 s).")
  int batch;
}
