package dev.orderflow.router.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.router.BuyersTable;
import dev.orderflow.router.Fixtures;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@code BatchGetItem} against dynalite. dynalite answers every key it is sent, so unprocessed keys
 * (DynamoDB's answer under throttling or past 16 MB) are provoked by a client in front of it that
 * forwards only part of a request and hands the rest back as unprocessed, as DynamoDB does.
 */
@RealStack
class DynamoBuyerDirectoryBatchIT {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Test
  void moreThanOneHundredIdsAreReadInRequestsOfAtMostOneHundredAndUnknownsAreUnknown(
      TestStack stack) {
    String table = tableWithBuyers(stack, 120);
    Deferring dynamo = new Deferring(stack.dynamoDb(), 0);
    List<String> ids = IntStream.range(0, 150).mapToObj(i -> "b-" + i).toList();

    Map<String, BuyerLookup> answers = directory(dynamo, table).findAll(ids);

    assertThat(answers).hasSize(150);
    assertThat(answers.get("b-0")).isInstanceOf(BuyerLookup.Found.class);
    assertThat(((BuyerLookup.Found) answers.get("b-119")).buyer().instagramScopedId())
        .isEqualTo("17841400000000001");
    assertThat(answers.get("b-120")).isEqualTo(new BuyerLookup.Unknown("b-120"));
    assertThat(dynamo.requestSizes).containsExactly(100, 50);
    assertThat(dynamo.consistentReads).containsOnly(false);
    assertThat(waits).isEmpty();
  }

  @Test
  void unprocessedKeysAreAskedForAgainAfterAGrowingWaitUntilAllAreAnswered(TestStack stack) {
    String table = tableWithBuyers(stack, 40);
    Deferring dynamo = new Deferring(stack.dynamoDb(), 2);
    List<String> ids = IntStream.range(0, 40).mapToObj(i -> "b-" + i).toList();

    Map<String, BuyerLookup> answers = directory(dynamo, table).findAllFresh(ids);

    assertThat(answers.values()).allMatch(a -> a instanceof BuyerLookup.Found).hasSize(40);
    // 40 keys, half deferred twice: 40 → 20 → 10 → the last 10 answered in full
    assertThat(dynamo.requestSizes).containsExactly(40, 20, 10);
    assertThat(dynamo.consistentReads).containsOnly(true);
    assertThat(waits).hasSize(2);
    assertThat(waits.get(1)).isGreaterThan(waits.get(0));
  }

  @Test
  void keysThatStayUnprocessedMakeTheDirectoryUnavailableNotTheBuyersUnknown(TestStack stack) {
    String table = tableWithBuyers(stack, 4);
    Deferring dynamo = new Deferring(stack.dynamoDb(), Integer.MAX_VALUE);

    assertThatThrownBy(() -> directory(dynamo, table).findAll(List.of("b-0", "b-1", "b-2")))
        .isInstanceOf(BuyerDirectoryUnavailableException.class)
        .hasMessageContaining("unprocessed");
    assertThat(dynamo.requestSizes).hasSize(DynamoBuyerDirectory.UNPROCESSED_ATTEMPTS);
  }

  private DynamoBuyerDirectory directory(DynamoDbClient dynamo, String table) {
    return new DynamoBuyerDirectory(
        dynamo,
        table,
        Backoff.exponential(Duration.ofMillis(10), Duration.ofSeconds(1)),
        waits::add);
  }

  private static String tableWithBuyers(TestStack stack, int count) {
    String table = stack.uniqueTable("buyers");
    stack.createTable(table, BuyerItem.BUYER_ID);
    List<Buyer> buyers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      buyers.add(
          i % 2 == 0
              ? Fixtures.whatsappBuyer("b-" + i, "en")
              : Fixtures.instagramBuyer("b-" + i, "en"));
    }
    new BuyersTable(stack.dynamoDb(), table).putAll(buyers);
    return table;
  }

  /**
   * Forwards every request to the real client, but for the first {@code deferRounds} requests only
   * the first half of the keys: the other half comes back as {@code UnprocessedKeys}.
   */
  private static final class Deferring implements DynamoDbClient {
    final List<Integer> requestSizes = new CopyOnWriteArrayList<>();
    final List<Boolean> consistentReads = new CopyOnWriteArrayList<>();
    private final DynamoDbClient real;
    private final int deferRounds;
    private final AtomicInteger round = new AtomicInteger();

    Deferring(DynamoDbClient real, int deferRounds) {
      this.real = real;
      this.deferRounds = deferRounds;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
      Map.Entry<String, KeysAndAttributes> only =
          request.requestItems().entrySet().iterator().next();
      List<Map<String, AttributeValue>> keys = only.getValue().keys();
      requestSizes.add(keys.size());
      consistentReads.add(Boolean.TRUE.equals(only.getValue().consistentRead()));
      if (round.incrementAndGet() > deferRounds) {
        return real.batchGetItem(request);
      }
      int half = Math.max(1, keys.size() / 2);
      KeysAndAttributes sent = only.getValue().toBuilder().keys(keys.subList(0, half)).build();
      KeysAndAttributes deferred =
          only.getValue().toBuilder().keys(keys.subList(half, keys.size())).build();
      BatchGetItemResponse answer =
          half == keys.size()
              ? BatchGetItemResponse.builder().build()
              : real.batchGetItem(b -> b.requestItems(Map.of(only.getKey(), sent)));
      Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
      unprocessed.put(only.getKey(), half == keys.size() ? only.getValue() : deferred);
      return answer.toBuilder().unprocessedKeys(unprocessed).build();
    }

    @Override
    public String serviceName() {
      return real.serviceName();
    }

    @Override
    public void close() {}
  }
}
