package dev.orderflow.ops.dlq;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The per-record part of a replay: judge each selected dead letter, then send, skip or refuse it,
 * pacing sends and stopping at {@code --max}. The {@link Sender} and the set of records already
 * replayed change with each source topic.
 */
final class ReplayRun {
  /** Thrown out of the scan when the replay is interrupted (Ctrl-C, a thread interrupt). */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("interrupted", null, false, false);
    }
  }

  private final ReplayGate gate;
  private final ReplayReport report;
  private final ReplayMeter meter;
  private final Pacer pacer;
  private final long max;
  private final BooleanSupplier stopRequested;
  private Sender sender;
  private Set<String> replayed = Set.of();
  private long sent;

  ReplayRun(
      ReplayGate gate,
      ReplayReport report,
      ReplayMeter meter,
      Pacer pacer,
      long max,
      BooleanSupplier stopRequested) {
    this.gate = gate;
    this.report = report;
    this.meter = meter;
    this.pacer = pacer;
    this.max = max;
    this.stopRequested = stopRequested;
  }

  void source(Sender sender, Set<String> replayed) {
    this.sender = sender;
    this.replayed = replayed;
  }

  /** The scanner's sink: false once --max is reached. */
  boolean offer(DeadLetter letter) {
    if (stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
      throw new Stopped();
    }
    report.matched++;
    switch (gate.judge(letter, replayed)) {
      case Verdict.Replay replay -> {
        try {
          pacer.await();
        } catch (InterruptedException e) {
          report.matched--; // not handled: the next run picks it up
          throw new Stopped();
        }
        sender.send(letter, ReplayRecords.of(letter, replay.target()));
        sent++;
        meter.replayed(sent);
        if (max > 0 && sent >= max) {
          report.outcome = ReplayReport.Outcome.STOPPED_AT_MAX;
          return false;
        }
      }
      case Verdict.Refused refused -> report.refused(letter.at(), refused.reason());
      case Verdict skip -> report.skipped(letter.at(), skip);
    }
    return true;
  }

  /** Also the scan's progress listener, so a batch is committed on time during long scans. */
  ScanProgress progress() {
    return new ScanProgress() {
      @Override
      public void planned(long records) {
        meter.planned(records);
      }

      @Override
      public void scanned(long records) {
        meter.scanned(records);
        sender.commitIfDue();
      }
    };
  }

  Sender sender() {
    return sender;
  }
}
