package dev.orderflow.sender.consume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {
  private final PartitionProgress progress = new PartitionProgress();

  @Test
  void nothingTakenMeansNothingToCommit() {
    assertThat(progress.toCommit(true)).isEmpty();
  }

  @Test
  void theCommitStopsAtTheLowestUnfinishedOffsetAndThenMovesPastTheHighest() {
    for (long o = 10; o < 15; o++) {
      progress.taken(o);
    }
    progress.finished(10);
    progress.finished(12);
    progress.finished(13);
    assertThat(progress.toCommit(false)).hasValue(11);

    progress.committed(11);
    assertThat(progress.toCommit(false)).isEmpty();
    assertThat(progress.toCommit(true)).hasValue(11);

    progress.finished(11);
    progress.finished(14);
    assertThat(progress.toCommit(false)).hasValue(15);
  }
}
