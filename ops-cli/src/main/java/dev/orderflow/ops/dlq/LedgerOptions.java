package dev.orderflow.ops.dlq;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the senders' ledger is: for replay's check and for the story of an order. */
final class LedgerOptions {
  @Option(
      names = "--ledger-table",
      paramLabel = "TABLE",
      defaultValue = "notification-ledger",
      description = "The senders' ledger (default: ${DEFAULT-VALUE}).")
  String ledgerTable;

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

  DynamoLedgerCheck open(DlqClients clients) {
    DynamoLedgerCheck check = new DynamoLedgerCheck(clients.dynamo(), ledgerTable);
    check.probe();
    return check;
  }
}
