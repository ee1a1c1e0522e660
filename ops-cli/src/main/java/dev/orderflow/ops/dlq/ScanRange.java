package dev.orderflow.ops.dlq;

import java.util.Set;

/**
 * Which offsets of each selected topic to read.
 *
 * @param partitions the partitions to read; empty for all
 * @param fromOffset first offset to read in each partition, or null for the beginning
 * @param toOffset last offset to read (inclusive) in each partition, or null for the current end
 */
record ScanRange(Set<Integer> partitions, Long fromOffset, Long toOffset) {
  ScanRange {
    partitions = Set.copyOf(partitions);
    if (fromOffset != null && toOffset != null && fromOffset > toOffset) {
      throw new IllegalArgumentException(
          "--from-offset " + fromOffset + " is after --to-offset " + toOffset);
    }
  }

  static ScanRange all() {
    return new ScanRange(Set.of(), null, null);
  }

  boolean includes(int partition) {
    return partitions.isEmpty() || partitions.contains(partition);
  }
}
