package dev.orderflow.router.buyer;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the {@code buyers} table (hash key {@code buyerId}, S). Any SDK failure, once the SDK's own
 * retries are spent, becomes {@link BuyerDirectoryUnavailableException}.
 *
 * <p>{@link #findAll} uses {@code BatchGetItem}, at most {@value #MAX_BATCH_KEYS} keys a request
 * (DynamoDB's limit). Keys DynamoDB leaves unprocessed (throttling, the 16 MB answer limit) are
 * asked for again after an exponential backoff with jitter (common's {@link Backoff}, as the
 * retries around this class use), at most {@link #UNPROCESSED_ATTEMPTS} rounds; keys still
 * unprocessed then make the directory unavailable, never "unknown".
 */
public final class DynamoBuyerDirectory implements BuyerDirectory {
  public static final int MAX_BATCH_KEYS = 100;
  static final int UNPROCESSED_ATTEMPTS = 6;
  private static final Logger LOGGER = LoggerFactory.getLogger(DynamoBuyerDirectory.class);

  /** Between rounds of unprocessed keys: up to 50 ms, doubling, half jittered, at most 1 s. */
  static final Backoff UNPROCESSED_BACKOFF =
      Backoff.exponential(Duration.ofMillis(50), Duration.ofSeconds(1)).withJitter(0.5);

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final Backoff unprocessedBackoff;
  private final Sleeper sleeper;

  public DynamoBuyerDirectory(DynamoDbClient dynamo, String tableName) {
    this(dynamo, tableName, UNPROCESSED_BACKOFF, Sleeper.REAL);
  }

  /** Tests pass a backoff without jitter and a sleeper that records instead of sleeping. */
  DynamoBuyerDirectory(DynamoDbClient dynamo, String tableName, Backoff backoff, Sleeper sleeper) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.unprocessedBackoff = backoff;
    this.sleeper = sleeper;
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

  @Override
  public Map<String, BuyerLookup> findAll(Collection<String> buyerIds) {
    return batchGet(buyerIds, false);
  }

  @Override
  public Map<String, BuyerLookup> findAllFresh(Collection<String> buyerIds) {
    return batchGet(buyerIds, true);
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
      throw unavailable(e, buyerId);
    }
    if (!response.hasItem() || response.item().isEmpty()) {
      return new BuyerLookup.Unknown(buyerId);
    }
    return new BuyerLookup.Found(BuyerItem.toBuyer(buyerId, response.item()));
  }

  private Map<String, BuyerLookup> batchGet(Collection<String> buyerIds, boolean consistentRead) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(buyerIds));
    Map<String, BuyerLookup> answers = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += MAX_BATCH_KEYS) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_BATCH_KEYS));
      Map<String, Map<String, AttributeValue>> found = batchGetChunk(chunk, consistentRead);
      for (String id : chunk) {
        Map<String, AttributeValue> item = found.get(id);
        answers.put(
            id,
            item == null || item.isEmpty()
                ? new BuyerLookup.Unknown(id)
                : new BuyerLookup.Found(BuyerItem.toBuyer(id, item)));
      }
    }
    return answers;
  }

  private Map<String, Map<String, AttributeValue>> batchGetChunk(
      List<String> ids, boolean consistentRead) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>(ids.size());
    ids.forEach(id -> keys.add(Map.of(BuyerItem.BUYER_ID, AttributeValue.fromS(id))));
    KeysAndAttributes pending =
        KeysAndAttributes.builder().keys(keys).consistentRead(consistentRead).build();
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    for (int round = 1; ; round++) {
      KeysAndAttributes request = pending;
      BatchGetItemResponse response;
      try {
        response = dynamo.batchGetItem(b -> b.requestItems(Map.of(tableName, request)));
      } catch (SdkException e) {
        throw unavailable(e, ids.size() + " buyers");
      }
      for (Map<String, AttributeValue> item :
          response.responses().getOrDefault(tableName, List.of())) {
        AttributeValue id = item.get(BuyerItem.BUYER_ID);
        if (id != null && id.s() != null) {
          found.put(id.s(), item);
        }
      }
      KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
      if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
        return found;
      }
      if (round >= UNPROCESSED_ATTEMPTS) {
        throw new BuyerDirectoryUnavailableException(
            "DynamoDB table "
                + tableName
                + " left "
                + unprocessed.keys().size()
                + " keys unprocessed after "
                + round
                + " rounds",
            null);
      }
      LOGGER.debug(
          "batch look-up left keys unprocessed table={} keys={} round={}",
          tableName,
          unprocessed.keys().size(),
          round);
      pause(unprocessedBackoff.pauseBefore(round));
      pending = unprocessed;
    }
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuyerDirectoryUnavailableException("interrupted while waiting to retry", e);
    }
  }

  private BuyerDirectoryUnavailableException unavailable(SdkException e, String what) {
    LOGGER.warn("buyer lookup failed table={} of={} error={}", tableName, what, e.toString());
    return new BuyerDirectoryUnavailableException(
        "DynamoDB table " + tableName + " did not answer: " + e.getMessage(), e);
  }
}
