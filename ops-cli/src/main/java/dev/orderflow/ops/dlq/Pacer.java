package dev.orderflow.ops.dlq;

/**
 * Spaces sends evenly at {@code rate} per second. Hand-written because resilience4j's limiter
 * grants a period's permits at once (a burst every period), where a replay into a live pipeline
 * wants a steady trickle; the whole of it is the arithmetic below.
 */
final class Pacer {
  private final long intervalNanos;
  private long next;

  /**
   * @param rate records per second; 0 or less means no limit
   */
  Pacer(double rate) {
    this.intervalNanos = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
    this.next = System.nanoTime();
  }

  /** Blocks until the next send is due. */
  void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    long wait = next - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    next = Math.max(next, now) + intervalNanos;
  }
}
