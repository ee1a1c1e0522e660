package dev.orderflow.sender.consume;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/** Told the full current assignment after every rebalance (e.g. to recompute a rate share). */
@FunctionalInterface
public interface AssignmentListener {
  AssignmentListener NONE = assignment -> {};

  void assignmentChanged(Set<TopicPartition> assignment);
}
