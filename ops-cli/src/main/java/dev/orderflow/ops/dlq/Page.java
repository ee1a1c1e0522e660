package dev.orderflow.ops.dlq;

import java.util.function.Predicate;

/** Skips the first {@code skip} matches, then hands at most {@code limit} on (0: no limit). */
final class Page {
  private final long skip;
  private final long limit;
  private final Predicate<DeadLetter> sink;
  private long skipped;
  private long handed;

  Page(Selection selection, Predicate<DeadLetter> sink) {
    this.skip = selection.skip();
    this.limit = selection.limit();
    this.sink = sink;
  }

  /** False once the page is full or the sink wants no more. */
  boolean offer(DeadLetter letter) {
    if (skipped < skip) {
      skipped++;
      return true;
    }
    handed++;
    boolean more = sink.test(letter);
    return more && (limit == 0 || handed < limit);
  }

  long handed() {
    return handed;
  }
}
