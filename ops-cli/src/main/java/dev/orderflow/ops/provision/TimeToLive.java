package dev.orderflow.ops.provision;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Turns on a table's TTL. dynalite has no TTL operations: where the environment allows it (local),
 * their absence is a warning, because TTL only bounds the ledger's size and never its correctness.
 */
final class TimeToLive {
  private final DynamoDbClient dynamo;
  private final ProvisionReport report;
  private final boolean unsupportedIsWarning;

  TimeToLive(DynamoDbClient dynamo, ProvisionReport report, boolean unsupportedIsWarning) {
    this.dynamo = dynamo;
    this.report = report;
    this.unsupportedIsWarning = unsupportedIsWarning;
  }

  void enable(String table, String attribute) {
    try {
      TimeToLiveDescription current =
          dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
      boolean on =
          current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
              || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
      if (on && attribute.equals(current.attributeName())) {
        return;
      }
      if (!report.dryRun()) {
        dynamo.updateTimeToLive(
            b ->
                b.tableName(table)
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
      }
      // Reported only once done, so an endpoint without TTL yields a warning and no change.
      report.changed("table " + table, "enable TTL on attribute " + attribute);
    } catch (DynamoDbException e) {
      if (!unsupportedIsWarning || !isUnsupported(e)) {
        throw e;
      }
      report.warning(
          "table " + table,
          "TTL on " + attribute + " not set: this endpoint does not support TTL settings");
    }
  }

  private static boolean isUnsupported(DynamoDbException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    return code != null && code.contains("UnknownOperation");
  }
}
