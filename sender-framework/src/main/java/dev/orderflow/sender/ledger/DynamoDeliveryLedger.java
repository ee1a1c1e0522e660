package dev.orderflow.sender.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link DeliveryLedger} on a DynamoDB table keyed by {@code notificationId} (S). Every change is
 * one conditional UpdateItem, since dynalite (the local stack) has no transactions.
 */
public final class DynamoDeliveryLedger implements DeliveryLedger {
  private static final Logger LOGGER = LoggerFactory.getLogger(DynamoDeliveryLedger.class);
  private static final String CLAIMABLE =
      "attribute_not_exists(notificationId) OR #state IN (:retrying, :failed)"
          + " OR (#state = :sending AND (leaseUntil < :now OR #owner = :owner))";
  private static final String OWNED = "#state = :sending AND #owner = :owner";

  private final DynamoDbClient dynamo;
  private final LedgerConfig config;

  public DynamoDeliveryLedger(DynamoDbClient dynamo, LedgerConfig config) {
    this.dynamo = dynamo;
    this.config = config;
  }

  @Override
  public Claim claim(String notificationId, String owner, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":sending", s(LedgerState.SENDING.name()));
    values.put(":retrying", s(LedgerState.RETRYING.name()));
    values.put(":failed", s(LedgerState.FAILED.name()));
    values.put(":owner", s(owner));
    values.put(":lease", n(now.plus(config.lease()).toEpochMilli()));
    values.put(":one", n(1));
    try {
      UpdateItemResponse response =
          dynamo.updateItem(
              update(notificationId)
                  .updateExpression(
                      "SET #state = :sending, leaseUntil = :lease, #owner = :owner,"
                          + " updatedAt = :now, expiresAt = :expires ADD attempts :one")
                  .conditionExpression(CLAIMABLE)
                  .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
                  .expressionAttributeValues(values)
                  .returnValues(ReturnValue.ALL_OLD)
                  .build());
      return new Claim.Granted(isForeignLease(response.attributes(), owner));
    } catch (ConditionalCheckFailedException e) {
      return refusal(notificationId, owner, now);
    }
  }

  @Override
  public boolean sent(String notificationId, String platformMessageId, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":sent", s(LedgerState.SENT.name()));
    values.put(":id", s(platformMessageId));
    try {
      dynamo.updateItem(
          update(notificationId)
              .updateExpression(
                  "SET #state = :sent, platformMessageId = :id, sentAt = :now, updatedAt = :now,"
                      + " expiresAt = :expires REMOVE leaseUntil, #owner")
              .conditionExpression("attribute_not_exists(#state) OR #state <> :sent")
              .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
              .expressionAttributeValues(values)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      LOGGER.warn("notification already SENT by another run notificationId={}", notificationId);
      return false;
    }
  }

  @Override
  public boolean renew(String notificationId, String owner, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":sending", s(LedgerState.SENDING.name()));
    values.put(":owner", s(owner));
    values.put(":lease", n(now.plus(config.lease()).toEpochMilli()));
    try {
      dynamo.updateItem(
          update(notificationId)
              .updateExpression("SET leaseUntil = :lease, updatedAt = :now, expiresAt = :expires")
              .conditionExpression(OWNED)
              .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
              .expressionAttributeValues(values)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      LOGGER.warn("lease lost before the send notificationId={} owner={}", notificationId, owner);
      return false;
    }
  }

  @Override
  public boolean retrying(String notificationId, String owner, String reason, Instant now) {
    return settle(notificationId, owner, LedgerState.RETRYING, reason, now);
  }

  @Override
  public boolean failed(String notificationId, String owner, String reason, Instant now) {
    return settle(notificationId, owner, LedgerState.FAILED, reason, now);
  }

  /**
   * Leaves {@code owner}'s SENDING for a non-final state. Never overwrites SENT, nor a lease
   * another run took over (an expired lease is still ours until someone else claims it).
   */
  private boolean settle(
      String notificationId, String owner, LedgerState state, String reason, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":state", s(state.name()));
    values.put(":sending", s(LedgerState.SENDING.name()));
    values.put(":owner", s(owner));
    values.put(":reason", s(reason == null ? "" : reason));
    try {
      dynamo.updateItem(
          update(notificationId)
              .updateExpression(
                  "SET #state = :state, lastError = :reason, updatedAt = :now,"
                      + " expiresAt = :expires REMOVE leaseUntil, #owner")
              .conditionExpression(OWNED)
              .expressionAttributeNames(Map.of("#state", "state", "#owner", "owner"))
              .expressionAttributeValues(values)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      LOGGER.info(
          "ledger entry not ours any more (sent or taken over), kept notificationId={}",
          notificationId);
      return false;
    }
  }

  private Claim refusal(String notificationId, String owner, Instant now) {
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                GetItemRequest.builder()
                    .tableName(config.table())
                    .key(Map.of("notificationId", s(notificationId)))
                    .consistentRead(true)
                    .build())
            .item();
    String state = item.containsKey("state") ? item.get("state").s() : "";
    if (LedgerState.SENT.name().equals(state)) {
      AttributeValue id = item.get("platformMessageId");
      return new Claim.AlreadySent(id == null ? "" : id.s());
    }
    if (item.containsKey("leaseUntil")) {
      return new Claim.HeldElsewhere(
          Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n())));
    }
    // The entry moved between our write and read (e.g. settled by its holder): ask again.
    return claim(notificationId, owner, now);
  }

  private static boolean isForeignLease(Map<String, AttributeValue> old, String owner) {
    return old != null
        && old.containsKey("state")
        && LedgerState.SENDING.name().equals(old.get("state").s())
        && !(old.containsKey("owner") && owner.equals(old.get("owner").s()));
  }

  private UpdateItemRequest.Builder update(String notificationId) {
    return UpdateItemRequest.builder()
        .tableName(config.table())
        .key(Map.of("notificationId", s(notificationId)));
  }

  private Map<String, AttributeValue> common(Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":now", n(now.toEpochMilli()));
    values.put(":expires", n(now.plus(config.retention()).getEpochSecond()));
    return values;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
