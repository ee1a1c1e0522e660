package dev.orderflow.sender.ledger;

import dev.orderflow.schema.DeliveryState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link DeliveryLedger} on a DynamoDB table keyed by {@code notificationId} (S). Every change is
 * one conditional UpdateItem, since dynalite (the local stack) has no transactions. The message-id
 * index lives in the same table, as items keyed {@code message#<id>}: read with a consistent read
 * (a global secondary index is only eventually consistent, and dynalite cannot add one to an
 * existing table).
 */
public final class DynamoDeliveryLedger implements DeliveryLedger {
  private static final Logger LOGGER = LoggerFactory.getLogger(DynamoDeliveryLedger.class);
  private static final String CLAIMABLE =
      "attribute_not_exists(notificationId) OR #state IN (:retrying, :failed)"
          + " OR (#state = :sending AND (leaseUntil < :now OR #owner = :owner))";
  private static final String OWNED = "#state = :sending AND #owner = :owner";
  private static final String MESSAGE_KEY_PREFIX = "message#";
  private static final Map<String, String> NAMES = Map.of("#state", "state", "#owner", "owner");

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
                  .expressionAttributeNames(NAMES)
                  .expressionAttributeValues(values)
                  .returnValues(ReturnValue.ALL_OLD)
                  .build());
      return new Claim.Granted(isForeignLease(response.attributes(), owner));
    } catch (ConditionalCheckFailedException e) {
      return refusal(notificationId, owner, now);
    }
  }

  @Override
  public boolean sent(
      String notificationId, String platformMessageId, RecordCoordinates source, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":sent", s(LedgerState.SENT.name()));
    values.put(":id", s(platformMessageId));
    values.put(":topic", s(source.topic()));
    values.put(":partition", n(source.partition()));
    values.put(":offset", n(source.offset()));
    try {
      dynamo.updateItem(
          update(notificationId)
              .updateExpression(
                  "SET #state = :sent, platformMessageId = :id, sentAt = :now, updatedAt = :now,"
                      + " expiresAt = :expires, sourceTopic = :topic,"
                      + " sourcePartition = :partition, sourceOffset = :offset"
                      + " REMOVE leaseUntil, #owner")
              .conditionExpression("attribute_not_exists(#state) OR #state <> :sent")
              .expressionAttributeNames(NAMES)
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
              .expressionAttributeNames(NAMES)
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
              .expressionAttributeNames(NAMES)
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

  @Override
  public StatusResult applyStatus(String notificationId, StatusUpdate update, Instant now) {
    try {
      return update.state() == DeliveryState.FAILED
          ? recordFailure(notificationId, update, now)
          : recordProgress(notificationId, update, now);
    } catch (ConditionalCheckFailedException e) {
      return read(notificationId).isEmpty() ? new StatusResult.Unknown() : new StatusResult.Stale();
    }
  }

  private StatusResult recordProgress(String notificationId, StatusUpdate update, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":status", s(update.state().name()));
    values.put(":rank", n(update.rank()));
    values.put(":at", n(update.occurredAt().toEpochMilli()));
    Map<String, AttributeValue> before =
        dynamo
            .updateItem(
                update(notificationId)
                    .updateExpression(
                        "SET deliveryStatus = :status, deliveryRank = :rank,"
                            + " deliveryStatusAt = :at, updatedAt = :now, expiresAt = :expires")
                    .conditionExpression(
                        "attribute_exists(notificationId)"
                            + " AND (attribute_not_exists(deliveryRank) OR deliveryRank < :rank)")
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)
                    .build())
            .attributes();
    AttributeValue sentAt = before == null ? null : before.get("sentAt");
    var applied =
        new StatusResult.Applied(
            sentAt == null ? null : Instant.ofEpochMilli(Long.parseLong(sentAt.n())));
    if (LedgerState.SENT.name().equals(text(before, "state"))) {
      return applied;
    }
    return confirmSent(notificationId, update.messageId(), now)
        ? new StatusResult.ConfirmedSent()
        : applied;
  }

  /**
   * Meta has the message although its answer never reached the sender: SENT, for good. Not an entry
   * a failed status already made FAILED: Meta's statuses of one message may arrive in any order
   * (its sent after its failed), and that failure has been dead-lettered.
   */
  private boolean confirmSent(String notificationId, String messageId, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":sent", s(LedgerState.SENT.name()));
    values.put(":failed", s(LedgerState.FAILED.name()));
    values.put(":id", s(messageId));
    try {
      dynamo.updateItem(
          update(notificationId)
              .updateExpression(
                  "SET #state = :sent, platformMessageId = :id, sentAt = :now,"
                      + " expiresAt = :expires REMOVE leaseUntil, #owner")
              .conditionExpression(
                  "#state <> :sent AND NOT (#state = :failed AND attribute_exists(deliveryFailedAt))")
              .expressionAttributeNames(NAMES)
              .expressionAttributeValues(values)
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private StatusResult recordFailure(String notificationId, StatusUpdate update, Instant now) {
    Map<String, AttributeValue> values = common(now);
    values.put(":failed", s(LedgerState.FAILED.name()));
    values.put(":at", n(update.occurredAt().toEpochMilli()));
    values.put(":error", s(update.error() == null ? "" : update.error()));
    Map<String, AttributeValue> after =
        dynamo
            .updateItem(
                update(notificationId)
                    .updateExpression(
                        "SET #state = :failed, deliveryFailedAt = :at, deliveryError = :error,"
                            + " lastError = :error, updatedAt = :now, expiresAt = :expires"
                            + " REMOVE leaseUntil, #owner")
                    .conditionExpression(
                        "attribute_exists(notificationId) AND attribute_not_exists(deliveryFailedAt)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build())
            .attributes();
    String topic = text(after, "sourceTopic");
    return new StatusResult.Failed(
        topic == null
            ? null
            : new RecordCoordinates(
                topic,
                Integer.parseInt(after.get("sourcePartition").n()),
                Long.parseLong(after.get("sourceOffset").n())));
  }

  @Override
  public void indexMessage(String platformMessageId, String notificationId, Instant now) {
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(config.table())
            .item(
                Map.of(
                    "notificationId", s(MESSAGE_KEY_PREFIX + platformMessageId),
                    "forNotification", s(notificationId),
                    "expiresAt", n(now.plus(config.retention()).getEpochSecond())))
            .build());
  }

  @Override
  public Optional<String> notificationOf(String platformMessageId) {
    return Optional.ofNullable(
        text(read(MESSAGE_KEY_PREFIX + platformMessageId), "forNotification"));
  }

  private Map<String, AttributeValue> read(String key) {
    return dynamo
        .getItem(
            GetItemRequest.builder()
                .tableName(config.table())
                .key(Map.of("notificationId", s(key)))
                .consistentRead(true)
                .build())
        .item();
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item == null ? null : item.get(name);
    return value == null ? null : value.s();
  }

  private Claim refusal(String notificationId, String owner, Instant now) {
    Map<String, AttributeValue> item = read(notificationId);
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
