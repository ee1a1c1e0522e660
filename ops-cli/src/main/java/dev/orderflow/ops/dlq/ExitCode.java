package dev.orderflow.ops.dlq;

/** The exit codes of every {@code ops dlq} command (also in the help footer and the README). */
final class ExitCode {
  /** Done: everything selected was listed, shown, counted or handled. */
  static final int OK = 0;

  /** Nothing matched the selection (like grep): nothing was shown or replayed. */
  static final int NOTHING_MATCHED = 1;

  /** Bad options or configuration, an unreachable system, or a refused replay: nothing changed. */
  static final int USAGE = 2;

  /** A replay that handled only part of its selection (refused, failed or interrupted records). */
  static final int PARTIAL = 3;

  static final String FOOTER =
      "%nExit codes: 0 done, 1 nothing matched, 2 usage or configuration error (nothing"
          + " changed), 3 partial replay (some records refused, failed or interrupted).";

  private ExitCode() {}
}
