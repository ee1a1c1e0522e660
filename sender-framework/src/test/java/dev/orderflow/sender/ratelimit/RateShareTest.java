package dev.orderflow.sender.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RateShareTest {
  private static final String MAIN = "notify.whatsapp.v1";

  @Test
  void eachInstanceTakesTheShareOfTheMainPartitionsItOwns() {
    assertThat(RateShare.of(80, MAIN, 12, partitions(MAIN, 0, 3))).isEqualTo(20.0);
    assertThat(RateShare.of(80, MAIN, 12, partitions(MAIN, 0, 12))).isEqualTo(80.0);
  }

  @Test
  void sharesOfAllInstancesAddUpToTheNumbersRate() {
    double total =
        RateShare.of(1_000, MAIN, 12, partitions(MAIN, 0, 5))
            + RateShare.of(1_000, MAIN, 12, partitions(MAIN, 5, 9))
            + RateShare.of(1_000, MAIN, 12, partitions(MAIN, 9, 12));
    assertThat(total).isCloseTo(1_000, within(1e-9));
  }

  @Test
  void delayTierPartitionsDoNotCountAndAnInstanceWithoutMainPartitionsKeepsAFloor() {
    Set<TopicPartition> onlyRetries = partitions("notify.whatsapp.retry.30s", 0, 6);
    assertThat(RateShare.of(80, MAIN, 12, onlyRetries)).isEqualTo(RateShare.FLOOR_PER_SECOND);
  }

  @Test
  void theLimiterFollowsTheShareOnEveryRebalance() {
    // Given an instance alone on 12 partitions, still in slow start
    Throttle throttle =
        new Throttle(
            Duration.ofSeconds(1), Duration.ofSeconds(8), MutableClock.at("2026-03-01T10:00:00Z"));
    NumberRateLimiter limiter = new NumberRateLimiter(80);
    ChannelRate rate = new ChannelRate(80, MAIN, limiter, throttle);
    rate.assignmentChanged(12, partitions(MAIN, 0, 12));
    assertThat(limiter.rate()).isEqualTo(80.0 * Throttle.SLOW_START_FACTOR);

    // When a second instance joins and takes half
    rate.assignmentChanged(12, partitions(MAIN, 0, 6));

    // Then this one's limiter runs at half the number's rate, and lower while throttled
    assertThat(limiter.rate()).isEqualTo(40.0 * Throttle.SLOW_START_FACTOR);
    rate.throttled(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(limiter.rate())
        .isCloseTo(40.0 * Throttle.SLOW_START_FACTOR * Throttle.DECREASE, offset(0.01));
  }

  private static Set<TopicPartition> partitions(String topic, int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(p -> new TopicPartition(topic, p))
        .collect(Collectors.toSet());
  }
}
