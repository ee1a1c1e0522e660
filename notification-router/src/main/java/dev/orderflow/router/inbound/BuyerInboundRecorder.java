package dev.orderflow.router.inbound;

import dev.orderflow.router.buyer.BuyerDirectoryUnavailableException;
import dev.orderflow.router.buyer.BuyerItem;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Writes what one inbound message means into the {@code buyers} items of its sender: the newest
 * inbound time, and the opt-out flag when the text is a keyword.
 *
 * <p>The message names the sender by phone or IGSID, not by buyer id, so the buyers are found
 * through the table's index on that contact ({@link BuyerItem#WHATSAPP_PHONE_INDEX}, {@link
 * BuyerItem#INSTAGRAM_SCOPED_ID_INDEX}); every buyer with that contact is updated, since the window
 * and the "no" belong to the person. Updates are conditional on time, so a redelivered or reordered
 * message never moves {@code lastInboundAt} back and a late STOP never overrides a later START:
 * applying the topic at least once, in any order, ends in the same item.
 */
public final class BuyerInboundRecorder {
  private final DynamoDbClient dynamo;
  private final String table;
  private final OptOutKeywords keywords;

  public BuyerInboundRecorder(DynamoDbClient dynamo, String table, OptOutKeywords keywords) {
    this.dynamo = dynamo;
    this.table = table;
    this.keywords = keywords;
  }

  /** What one message changed. */
  public record Outcome(List<String> buyerIds, Optional<OptOutKeywords.Verdict> verdict) {}

  /**
   * Records the message.
   *
   * @throws BuyerDirectoryUnavailableException when DynamoDB does not answer; nothing is lost, the
   *     caller reads the message again
   */
  public Outcome record(InboundMessage message) {
    long at = message.getOccurredAt().toEpochMilli();
    Optional<OptOutKeywords.Verdict> verdict = keywords.match(message.getText());
    try {
      List<String> buyerIds = buyersWith(message.getPlatform(), message.getSenderId());
      for (String buyerId : buyerIds) {
        extendWindow(buyerId, at);
        verdict.ifPresent(v -> setOptedOut(buyerId, v == OptOutKeywords.Verdict.OPT_OUT, at));
      }
      return new Outcome(buyerIds, verdict);
    } catch (SdkException e) {
      throw new BuyerDirectoryUnavailableException(
          "DynamoDB table " + table + " did not take an inbound message: " + e.getMessage(), e);
    }
  }

  /** A contact attribute of the buyers item and the index on it. */
  private record ContactIndex(String attribute, String index) {}

  private List<String> buyersWith(Platform platform, String contact) {
    ContactIndex byContact =
        switch (platform) {
          case WHATSAPP ->
              new ContactIndex(BuyerItem.WHATSAPP_PHONE, BuyerItem.WHATSAPP_PHONE_INDEX);
          case INSTAGRAM ->
              new ContactIndex(BuyerItem.INSTAGRAM_SCOPED_ID, BuyerItem.INSTAGRAM_SCOPED_ID_INDEX);
        };
    QueryRequest query =
        QueryRequest.builder()
            .tableName(table)
            .indexName(byContact.index())
            .keyConditionExpression("#c = :c")
            .expressionAttributeNames(Map.of("#c", byContact.attribute()))
            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(contact)))
            .build();
    List<String> ids = new ArrayList<>();
    dynamo.queryPaginator(query).items().forEach(item -> ids.add(item.get(BuyerItem.BUYER_ID).s()));
    return ids;
  }

  private void extendWindow(String buyerId, long at) {
    update(
        buyerId,
        "SET #t = :t",
        "attribute_exists(#id) AND (attribute_not_exists(#t) OR #t < :t)",
        Map.of("#t", BuyerItem.LAST_INBOUND_AT, "#id", BuyerItem.BUYER_ID),
        Map.of(":t", AttributeValue.fromN(Long.toString(at))));
  }

  // <= rather than <: Meta's times are whole seconds, so a STOP and a START in the same second
  // tie, and the one that arrived last wins.
  private void setOptedOut(String buyerId, boolean optedOut, long at) {
    update(
        buyerId,
        "SET #o = :o, #t = :t",
        "attribute_exists(#id) AND (attribute_not_exists(#t) OR #t <= :t)",
        Map.of(
            "#o",
            BuyerItem.OPTED_OUT,
            "#t",
            BuyerItem.OPT_OUT_CHANGED_AT,
            "#id",
            BuyerItem.BUYER_ID),
        Map.of(
            ":o",
            AttributeValue.fromBool(optedOut),
            ":t",
            AttributeValue.fromN(Long.toString(at))));
  }

  private void update(
      String buyerId,
      String expression,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    try {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(Map.of(BuyerItem.BUYER_ID, AttributeValue.fromS(buyerId)))
                  .updateExpression(expression)
                  .conditionExpression(condition)
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException newerAlreadyApplied) {
      // A newer message was applied first (or the buyer was deleted meanwhile): nothing to do.
    }
  }
}
