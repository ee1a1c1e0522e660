package dev.orderflow.sender.consume;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Records waiting to run, queued per {@link Lane} so that at most one record of a lane is in work
 * at a time and a lane's records run in offset order. Lanes are served in the order they became
 * ready, so a busy buyer never starves the others. Owned by the loop thread.
 */
final class KeyLanes {
  private final Map<Lane, ArrayDeque<ConsumerRecord<byte[], byte[]>>> waiting = new HashMap<>();
  private final Set<Lane> busy = new HashSet<>();
  private final ArrayDeque<Lane> ready = new ArrayDeque<>();
  private int size;

  void add(ConsumerRecord<byte[], byte[]> record) {
    Lane lane = Lane.of(record);
    ArrayDeque<ConsumerRecord<byte[], byte[]>> queue =
        waiting.computeIfAbsent(lane, l -> new ArrayDeque<>());
    queue.add(record);
    size++;
    if (queue.size() == 1 && !busy.contains(lane)) {
      ready.add(lane);
    }
  }

  /** The next record whose lane is idle, marking that lane busy; null when none can run. */
  ConsumerRecord<byte[], byte[]> take() {
    Lane lane = ready.poll();
    if (lane == null) {
      return null;
    }
    ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = waiting.get(lane);
    ConsumerRecord<byte[], byte[]> record = queue.poll();
    if (queue.isEmpty()) {
      waiting.remove(lane);
    }
    busy.add(lane);
    size--;
    return record;
  }

  void finished(ConsumerRecord<byte[], byte[]> record) {
    Lane lane = Lane.of(record);
    if (busy.remove(lane) && waiting.containsKey(lane)) {
      ready.add(lane);
    }
  }

  /** Forgets every waiting record and busy lane of a partition that is no longer ours. */
  void drop(TopicPartition partition) {
    waiting.entrySet().removeIf(e -> e.getKey().partition().equals(partition) && shrink(e));
    busy.removeIf(lane -> lane.partition().equals(partition));
    ready.removeIf(lane -> lane.partition().equals(partition));
  }

  int waitingCount() {
    return size;
  }

  private boolean shrink(Map.Entry<Lane, ArrayDeque<ConsumerRecord<byte[], byte[]>>> entry) {
    size -= entry.getValue().size();
    return true;
  }
}
