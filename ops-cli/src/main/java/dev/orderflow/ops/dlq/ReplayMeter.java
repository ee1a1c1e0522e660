package dev.orderflow.ops.dlq;

import java.io.PrintWriter;

/**
 * Shows a replay's progress on stderr: a bar redrawn in place on a terminal, plain lines every few
 * seconds otherwise (logs, CI, pipes). Hand-written: a dozen lines, no terminal library needed.
 */
final class ReplayMeter implements ScanProgress {
  private static final int WIDTH = 30;
  private static final long BAR_EVERY_NANOS = 100_000_000L;
  private static final long LINE_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final boolean terminal;
  private long planned;
  private long scanned;
  private long replayed;
  private long lastDrawn = System.nanoTime();
  private String lastCounts = "";

  ReplayMeter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void planned(long records) {
    planned += records;
  }

  @Override
  public void scanned(long records) {
    scanned += records;
    draw(false);
  }

  void replayed(long total) {
    replayed = total;
    draw(false);
  }

  void finish() {
    draw(true);
    if (terminal) {
      err.println();
    }
    err.flush();
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDrawn < (terminal ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
      return;
    }
    long percent = planned == 0 ? 100 : Math.min(100, 100 * scanned / planned);
    String counts = "scanned %d/%d, replayed %d".formatted(scanned, planned, replayed);
    if (counts.equals(lastCounts)) {
      return;
    }
    lastDrawn = now;
    lastCounts = counts;
    if (terminal) {
      int filled = (int) (WIDTH * percent / 100);
      err.printf(
          "\r[%s%s] %3d%% %s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, counts);
    } else {
      err.printf("progress: %d%% %s%n", percent, counts);
    }
    err.flush();
  }
}
