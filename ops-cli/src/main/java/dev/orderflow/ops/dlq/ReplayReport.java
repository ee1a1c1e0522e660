package dev.orderflow.ops.dlq;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a replay did, record by record and in total; printed as it goes and written to the audit
 * topic at the end. The per-record lists keep the first {@value #KEPT} entries of each kind.
 */
final class ReplayReport {
  static final int KEPT = 1000;

  enum Outcome {
    COMPLETED,
    STOPPED_AT_MAX,
    INTERRUPTED,
    FAILED
  }

  record Moved(String from, String to) {}

  record Skipped(String record, String reason) {}

  private final PrintWriter out;
  final List<Moved> moved = new ArrayList<>();
  final List<Skipped> skipped = new ArrayList<>();
  final List<Skipped> refused = new ArrayList<>();
  long matched;
  long replayed;
  long alreadyReplayed;
  long alreadySent;
  long refusedCount;
  long uncommitted;
  Outcome outcome = Outcome.COMPLETED;
  String failure;

  ReplayReport(PrintWriter out) {
    this.out = out;
  }

  void replayed(Coordinates from, String to, boolean dryRun) {
    replayed++;
    keep(moved, new Moved(from.toString(), to));
    if (!dryRun) {
      out.printf("replayed %s -> %s%n", from, to);
    }
  }

  void skipped(Coordinates at, Verdict verdict) {
    String reason =
        switch (verdict) {
          case Verdict.AlreadyReplayed r -> {
            alreadyReplayed++;
            yield "already replayed";
          }
          case Verdict.AlreadySent s -> {
            alreadySent++;
            yield "already sent: the ledger has " + s.notificationId() + " as SENT";
          }
          default -> throw new IllegalArgumentException("not a skip: " + verdict);
        };
    keep(skipped, new Skipped(at.toString(), reason));
    out.printf("skipped %s: %s%n", at, reason);
  }

  void refused(Coordinates at, String reason) {
    refusedCount++;
    keep(refused, new Skipped(at.toString(), reason));
    out.printf("refused %s: %s%n", at, reason);
  }

  String summary(boolean dryRun) {
    String verb = dryRun ? "would replay" : "replayed";
    String text =
        "%d matched: %d %s, %d already replayed, %d already sent, %d refused"
            .formatted(matched, replayed, verb, alreadyReplayed, alreadySent, refusedCount);
    return switch (outcome) {
      case COMPLETED -> text;
      case STOPPED_AT_MAX -> text + "; stopped at --max, run again to continue";
      case INTERRUPTED ->
          text + "; interrupted (" + uncommitted + " uncommitted, run again to resume)";
      case FAILED -> text + "; stopped: " + failure + " (run again to resume)";
    };
  }

  int exitCode() {
    if (outcome == Outcome.INTERRUPTED || outcome == Outcome.FAILED || refusedCount > 0) {
      return ExitCode.PARTIAL;
    }
    return matched == 0 ? ExitCode.NOTHING_MATCHED : ExitCode.OK;
  }

  private static <T> void keep(List<T> list, T item) {
    if (list.size() < KEPT) {
      list.add(item);
    }
  }
}
