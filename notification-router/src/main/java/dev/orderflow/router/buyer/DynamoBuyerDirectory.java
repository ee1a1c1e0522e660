package dev.orderflow.router.buyer;

import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reads the {@code buyers} table (hash key {@code buyerId}, S). Any SDK failure, once the SDK's own
 * retries are spent, becomes {@link BuyerDirectoryUnavailableException}.
 */
public final class DynamoBuyerDirectory implements BuyerDirectory {
  private static final Logger LOGGER = LoggerFactory.getLogger(DynamoBuyerDirectory.class);

  private final DynamoDbClient dynamo;
  private final String tableName;

  public DynamoBuyerDirectory(DynamoDbClient dynamo, String tableName) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
  }

  @Override
  public BuyerLookup find(String buyerId) {
    return get(buyerId, false);
  }

  /** A strongly consistent read, so a buyer registered a moment ago is seen. */
  @Override
  public BuyerLookup findFresh(String buyerId) {
    return get(buyerId, true);
  }

  private BuyerLookup get(String buyerId, boolean consistentRead) {
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(tableName)
            .key(Map.of(BuyerItem.BUYER_ID, AttributeValue.fromS(buyerId)))
            .consistentRead(consistentRead)
            .build();
    GetItemResponse response;
    try {
      response = dynamo.getItem(request);
    } catch (SdkException e) {
      LOGGER.warn(
          "buyer lookup failed table={} buyerId={} error={}", tableName, buyerId, e.toString());
      throw new BuyerDirectoryUnavailableException(
          "DynamoDB table " + tableName + " did not answer: " + e.getMessage(), e);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return new BuyerLookup.Unknown(buyerId);
    }
    return new BuyerLookup.Found(BuyerItem.toBuyer(buyerId, response.item()));
  }
}
