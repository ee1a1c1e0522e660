package dev.orderflow.ops.dlq;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.UUID;

/**
 * One replay as asked: who, what, where to and how fast; the audit record's subject.
 *
 * @param to the one target topic, or null for each record's original topic
 * @param rate records per second, 0 for no limit
 * @param max stop after this many replayed, 0 for no limit
 */
record ReplayRequest(
    String runId,
    String operator,
    String osUser,
    String host,
    String reason,
    Selection selection,
    String to,
    double rate,
    long max,
    boolean dryRun,
    boolean force,
    boolean raw,
    Instant startedAt) {

  /** The three switches that loosen or disable a replay. */
  record Flags(boolean dryRun, boolean force, boolean raw) {}

  /** A new run: a fresh id, the OS user (and the operator named, if any), this host, now. */
  static ReplayRequest start(
      String operator,
      String reason,
      Selection selection,
      String to,
      double rate,
      long max,
      Flags flags) {
    String osUser = System.getProperty("user.name");
    return new ReplayRequest(
        UUID.randomUUID().toString(),
        operator == null || operator.isBlank() ? osUser : operator,
        osUser,
        thisHost(),
        reason,
        selection,
        to,
        rate,
        max,
        flags.dryRun(),
        flags.force(),
        flags.raw(),
        Instant.now());
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
