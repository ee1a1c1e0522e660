package dev.orderflow.router.topology;

import dev.orderflow.common.serde.WireFormatException;
import dev.orderflow.router.buyer.BuyerDirectoryUnavailableException;

/**
 * Failures that say nothing about the record at hand: a dependency (the buyer directory, the schema
 * registry) could not answer. The record must wait, so the task stops and resumes from its last
 * commit; it is never dead-lettered. A registry's refusal (an unknown schema id) is not systemic:
 * that record is bad, and goes to the dead-letter topic.
 */
final class SystemicFailures {
  private SystemicFailures() {}

  static boolean isSystemic(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BuyerDirectoryUnavailableException) {
        return true;
      }
    }
    // The registry's verdict is common's, so the senders judge a registry outage alike.
    return WireFormatException.isSystemic(exception);
  }
}
