package dev.orderflow.ops.dlq;

import java.time.Instant;

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
    Instant startedAt) {}
