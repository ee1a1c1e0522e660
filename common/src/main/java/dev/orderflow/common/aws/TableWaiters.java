package dev.orderflow.common.aws;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The one way to wait for a DynamoDB table to become ACTIVE. The SDK's own waiter polls every 20
 * seconds, so a table still CREATING at the first look (dynalite keeps a new table CREATING for
 * half a second) cost 20 s per table; this polls every 200 ms, well under DescribeTable's limits.
 */
public final class TableWaiters {
  /** How often the table's status is asked for. */
  public static final Duration POLL = Duration.ofMillis(200);

  private TableWaiters() {}

  /** A waiter for {@code dynamo} that gives up after {@code timeout}; the caller closes it. */
  public static DynamoDbWaiter untilActive(DynamoDbClient dynamo, Duration timeout) {
    return DynamoDbWaiter.builder()
        .client(dynamo)
        .overrideConfiguration(
            w ->
                w.backoffStrategyV2(BackoffStrategy.fixedDelay(POLL))
                    .waitTimeout(timeout)
                    .maxAttempts(Math.toIntExact(Math.max(1, timeout.dividedBy(POLL)))))
        .build();
  }
}
