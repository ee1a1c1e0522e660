package dev.orderflow.sender.ratelimit;

import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the number's configured rate, this instance's partition share and the throttle's slow-down
 * factor to the {@link NumberRateLimiter}.
 */
public final class ChannelRate {
  private static final Logger LOGGER = LoggerFactory.getLogger(ChannelRate.class);

  private final double totalPerSecond;
  private final String mainTopic;
  private final NumberRateLimiter limiter;
  private final Throttle throttle;
  private volatile double share;

  public ChannelRate(
      double totalPerSecond, String mainTopic, NumberRateLimiter limiter, Throttle throttle) {
    this.totalPerSecond = totalPerSecond;
    this.mainTopic = mainTopic;
    this.limiter = limiter;
    this.throttle = throttle;
    this.share = totalPerSecond;
    apply();
  }

  /** A throttle answer to a send started at {@code sentAt}. */
  public synchronized void throttled(Instant sentAt) {
    throttle.throttled(sentAt, share);
    apply();
  }

  /** The platform accepted a send started at {@code sentAt}. */
  public synchronized void succeeded(Instant sentAt) {
    throttle.succeeded(sentAt);
    apply();
  }

  /** After a rebalance: this instance now owns {@code assigned} of {@code mainPartitions}. */
  public synchronized void assignmentChanged(int mainPartitions, Set<TopicPartition> assigned) {
    share = RateShare.of(totalPerSecond, mainTopic, mainPartitions, assigned);
    LOGGER.info(
        "rate share {} msg/s of {} ({} main partitions assigned of {})",
        String.format("%.1f", share),
        totalPerSecond,
        assigned.stream().filter(p -> p.topic().equals(mainTopic)).count(),
        mainPartitions);
    apply();
  }

  private void apply() {
    limiter.setRate(Math.max(RateShare.FLOOR_PER_SECOND, share * throttle.rateFactor()));
  }

  /** The rate this instance sends at now: its share, slowed down after throttles. */
  public double limit() {
    return limiter.rate();
  }

  public double share() {
    return share;
  }
}
