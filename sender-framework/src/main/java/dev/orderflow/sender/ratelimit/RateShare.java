package dev.orderflow.sender.ratelimit;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * An instance's part of the number's rate: the total times the share of the main topic's partitions
 * it owns. Instances together never exceed the total, and the split follows every rebalance without
 * any coordination beyond Kafka's own assignment. An instance owning only delay-tier partitions
 * gets a small floor so its retries still move.
 */
public final class RateShare {
  static final double FLOOR_PER_SECOND = 1.0;

  private RateShare() {}

  public static double of(
      double totalPerSecond, String mainTopic, int mainPartitions, Set<TopicPartition> assigned) {
    if (mainPartitions <= 0) {
      return FLOOR_PER_SECOND;
    }
    long owned = assigned.stream().filter(p -> p.topic().equals(mainTopic)).count();
    return Math.max(FLOOR_PER_SECOND, totalPerSecond * owned / mainPartitions);
  }
}
