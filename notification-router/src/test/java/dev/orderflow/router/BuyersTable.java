package dev.orderflow.router;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes buyers the way the registration flow does. */
public final class BuyersTable {
  private static final int BATCH = 25;

  private final DynamoDbClient dynamo;
  private final String table;

  public BuyersTable(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void put(Buyer buyer) {
    dynamo.putItem(b -> b.tableName(table).item(item(buyer)));
  }

  public void putAll(List<Buyer> buyers) {
    for (int i = 0; i < buyers.size(); i += BATCH) {
      List<WriteRequest> writes = new ArrayList<>();
      for (Buyer buyer : buyers.subList(i, Math.min(buyers.size(), i + BATCH))) {
        writes.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item(buyer)).build())
                .build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(table, writes);
      while (!pending.isEmpty()) {
        Map<String, List<WriteRequest>> request = pending;
        pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      }
    }
  }

  public static Map<String, AttributeValue> item(Buyer buyer) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(BuyerItem.BUYER_ID, AttributeValue.fromS(buyer.buyerId()));
    putIfSet(item, BuyerItem.PLATFORM, buyer.platform());
    putIfSet(item, BuyerItem.WHATSAPP_PHONE, buyer.whatsappPhone());
    putIfSet(item, BuyerItem.INSTAGRAM_SCOPED_ID, buyer.instagramScopedId());
    putIfSet(item, BuyerItem.DISPLAY_NAME, buyer.displayName());
    putIfSet(item, BuyerItem.LOCALE, buyer.locale());
    item.put(BuyerItem.OPTED_OUT, AttributeValue.fromBool(buyer.optedOut()));
    if (buyer.updatedAt() != null) {
      item.put(BuyerItem.UPDATED_AT, AttributeValue.fromS(buyer.updatedAt().toString()));
    }
    return item;
  }

  private static void putIfSet(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, AttributeValue.fromS(value));
    }
  }
}
