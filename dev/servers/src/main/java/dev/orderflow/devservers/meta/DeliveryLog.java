package dev.orderflow.devservers.meta;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Accepted messages (the newest {@value #RETAINED}, so a long benchmark cannot exhaust the heap),
 * accepted counts, and duplicate detection over everything accepted since the last reset.
 */
final class DeliveryLog {

  static final int RETAINED = 100_000;

  // All guarded by this.
  private final ArrayDeque<DeliveredMessage> retained = new ArrayDeque<>();
  private final Set<UUID> fingerprints = new HashSet<>();
  private final Map<String, Long> accepted = new TreeMap<>();
  private final Map<String, Long> duplicates = new TreeMap<>();

  DeliveredMessage record(OutgoingMessage message, Instant receivedAt) {
    UUID fingerprint = message.fingerprint();
    DeliveredMessage delivered =
        message.deliver(GraphIds.messageId(message.platform()), receivedAt);
    String platform = message.platform().wireName();
    synchronized (this) {
      if (retained.size() == RETAINED) {
        retained.removeFirst();
      }
      retained.addLast(delivered);
      accepted.merge(platform, 1L, Long::sum);
      if (!fingerprints.add(fingerprint)) {
        duplicates.merge(platform, 1L, Long::sum);
      }
    }
    return delivered;
  }

  synchronized List<DeliveredMessage> find(Predicate<DeliveredMessage> filter) {
    return retained.stream().filter(filter).toList();
  }

  synchronized Map<String, Long> acceptedCounts() {
    return new TreeMap<>(accepted);
  }

  synchronized Map<String, Long> duplicateCounts() {
    return new TreeMap<>(duplicates);
  }

  synchronized void clear() {
    retained.clear();
    fingerprints.clear();
    accepted.clear();
    duplicates.clear();
  }
}
