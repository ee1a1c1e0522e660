package dev.orderflow.ops.dlq;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The senders' ledger table (sender-framework's DynamoDeliveryLedger): hash key {@code
 * notificationId}, attribute {@code state}; {@code SENT} means the buyer has the message.
 */
final class DynamoLedgerCheck implements LedgerCheck {
  static final String KEY = "notificationId";
  static final String STATE = "state";
  static final String SENT = "SENT";

  private final DynamoDbClient dynamo;
  private final String table;

  DynamoLedgerCheck(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Fails now, before anything is sent, when the table cannot be read. */
  void probe() {
    try {
      dynamo.describeTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException e) {
      throw missing();
    } catch (SdkException e) {
      throw unreadable(e);
    }
  }

  @Override
  public boolean sent(String notificationId) {
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(table)
            .key(Map.of(KEY, AttributeValue.fromS(notificationId)))
            .consistentRead(true)
            .projectionExpression("#s")
            .expressionAttributeNames(Map.of("#s", STATE))
            .build();
    try {
      AttributeValue state = dynamo.getItem(request).item().get(STATE);
      return state != null && SENT.equals(state.s());
    } catch (ResourceNotFoundException e) {
      throw missing();
    } catch (SdkException e) {
      throw unreadable(e);
    }
  }

  /** Every attribute of a notification's entry as text; empty when the ledger has none. */
  Map<String, String> entry(String notificationId) {
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(table)
            .key(Map.of(KEY, AttributeValue.fromS(notificationId)))
            .consistentRead(true)
            .build();
    try {
      Map<String, String> entry = new TreeMap<>();
      dynamo.getItem(request).item().forEach((name, value) -> entry.put(name, text(value)));
      return entry;
    } catch (ResourceNotFoundException e) {
      throw missing();
    } catch (SdkException e) {
      throw unreadable(e);
    }
  }

  private static String text(AttributeValue value) {
    if (value.s() != null) {
      return value.s();
    }
    if (value.n() != null) {
      return value.n();
    }
    return value.bool() != null ? value.bool().toString() : value.toString();
  }

  private DlqException missing() {
    return DlqException.usage(
        "ledger table "
            + table
            + " does not exist; name it with --ledger-table, or replay"
            + " without the check (--no-ledger-check)");
  }

  private DlqException unreadable(SdkException e) {
    return DlqException.usage(
        "the ledger table "
            + table
            + " could not be read ("
            + e.getMessage()
            + "); check"
            + " --dynamodb-endpoint and AWS_REGION, or replay without it (--no-ledger-check)");
  }
}
