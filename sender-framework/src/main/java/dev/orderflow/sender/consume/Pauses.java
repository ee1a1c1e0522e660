package dev.orderflow.sender.consume;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions the consumer should have paused: all of them while the channel takes no work or
 * too much is buffered, plus each partition whose next record is not yet due. Applies only the
 * difference to the consumer. Owned by the loop thread.
 */
final class Pauses {
  private final Consumer<byte[], byte[]> consumer;
  private final Set<TopicPartition> paused = new HashSet<>();
  private volatile int count;

  Pauses(Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  void apply(Map<TopicPartition, Owned> owned, boolean pauseAll, Instant now) {
    Set<TopicPartition> wanted = new HashSet<>();
    owned.forEach(
        (partition, state) -> {
          if (state.resumeAt != null && !state.resumeAt.isAfter(now)) {
            state.resumeAt = null;
          }
          if (pauseAll || state.resumeAt != null) {
            wanted.add(partition);
          }
        });
    Set<TopicPartition> resume = new HashSet<>(paused);
    resume.removeAll(wanted);
    wanted.removeAll(paused);
    consumer.resume(resume);
    consumer.pause(wanted);
    paused.removeAll(resume);
    paused.addAll(wanted);
    count = paused.size();
  }

  void forget(Collection<TopicPartition> partitions) {
    paused.removeAll(partitions);
    count = paused.size();
  }

  int count() {
    return count;
  }
}
