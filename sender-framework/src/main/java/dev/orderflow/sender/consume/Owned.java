package dev.orderflow.sender.consume;

import java.time.Instant;

/**
 * The loop's state for one partition while it is assigned to us. A new instance per assignment: a
 * task finishing for an older instance (a partition revoked and assigned again) is ignored.
 */
final class Owned {
  final PartitionProgress progress = new PartitionProgress();
  int running;
  Instant resumeAt;
}
