package dev.orderflow.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the generator did.
 *
 * @param producedAt when each order was handed to the producer, by vendor order id
 * @param failed sends the broker never acknowledged
 */
public record LoadResult(
    int sent, int failed, Instant startedAt, Instant finishedAt, Map<String, Instant> producedAt) {

  public double achievedRate() {
    double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
    return seconds <= 0 ? 0 : sent / seconds;
  }
}
