package dev.orderflow.ingest.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions whose outcome the producer could not write for a reason retrying cannot fix (a record
 * too large for the broker, an invalid timestamp, …), by {@code topic/partition@offset}. Under
 * exactly-once such a failure dooms the whole transaction, so the stream thread dies and is
 * replaced; when the submission is processed again from the last commit, its stages find it here
 * and write a compact {@code OUTCOME_UNDELIVERABLE} rejection instead. If even that fails, the
 * cause is not the record (the topic refuses small records too) and the service stops.
 *
 * <p>Shared by the production exception handler (producer I/O thread) and the processors (stream
 * threads), hence synchronized; bounded, oldest first out, because a position is only needed until
 * its submission has been processed again.
 */
public final class UndeliverableOutcomes {
  private static final int MAX_REMEMBERED = 10_000;

  private record Failure(String description, int failures) {}

  private final Map<String, Failure> failures =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  private Failure latest;

  /** Records a failed send for the submission at {@code position}. */
  public synchronized void failed(String position, Exception exception) {
    Failure earlier = failures.remove(position);
    latest =
        new Failure(
            exception.getClass().getSimpleName() + ": " + exception.getMessage(),
            earlier == null ? 1 : earlier.failures() + 1);
    failures.put(position, latest);
  }

  /** Why the outcome of the submission at {@code position} could not be written, if it failed. */
  public synchronized Optional<String> failure(String position) {
    return Optional.ofNullable(failures.get(position)).map(Failure::description);
  }

  /**
   * Whether {@code error} (a stream thread's death) comes from a send that could never succeed and
   * whose submission can still be answered: the latest such failure was that submission's first.
   * (The producer hands the handler and the transaction different exception instances, so the death
   * is matched by kind, not identity.) A second failure for one submission is not answerable, nor
   * is any other error.
   */
  public synchronized boolean answerable(Throwable error) {
    if (latest == null || latest.failures() > 1) {
      return false;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof Exception e && IngestProductionExceptionHandler.neverSendable(e)) {
        return true;
      }
    }
    return false;
  }
}
