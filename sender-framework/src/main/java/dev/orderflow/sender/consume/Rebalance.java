package dev.orderflow.sender.consume;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On revocation the loop waits (bounded) for the revoked partitions' in-flight records and commits
 * what finished; lost partitions are dropped without a commit, since another member owns them.
 */
final class Rebalance implements ConsumerRebalanceListener {
  private static final Logger LOGGER = LoggerFactory.getLogger(Rebalance.class);
  private final KeyOrderedConsumer loop;

  Rebalance(KeyOrderedConsumer loop) {
    this.loop = loop;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      LOGGER.info("partitions revoked {}", partitions);
      loop.release(partitions, true);
    }
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    LOGGER.warn("partitions lost {}; their in-flight records are abandoned", partitions);
    loop.release(partitions, false);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    LOGGER.info("partitions assigned {}", partitions);
    loop.assigned(partitions);
  }
}
