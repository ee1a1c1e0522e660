package dev.orderflow.sender.consume;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The offsets of one partition taken into the loop and not yet finished. The committable offset is
 * the lowest unfinished one, or the one after the highest taken when all are finished, so a commit
 * never covers a record still in work. Owned by the loop thread.
 */
final class PartitionProgress {
  private final TreeSet<Long> unfinished = new TreeSet<>();
  private long next = -1;
  private long lastCommitted = -1;

  void taken(long offset) {
    unfinished.add(offset);
    next = Math.max(next, offset + 1);
  }

  void finished(long offset) {
    unfinished.remove(offset);
  }

  int unfinishedCount() {
    return unfinished.size();
  }

  /**
   * The offset to commit: always when {@code force} (a sync commit before giving the partition up),
   * otherwise only if it moved since the last {@link #committed(long)}.
   */
  OptionalLong toCommit(boolean force) {
    if (next < 0) {
      return OptionalLong.empty();
    }
    long offset = unfinished.isEmpty() ? next : unfinished.first();
    return force || offset > lastCommitted ? OptionalLong.of(offset) : OptionalLong.empty();
  }

  void committed(long offset) {
    lastCommitted = Math.max(lastCommitted, offset);
  }
}
