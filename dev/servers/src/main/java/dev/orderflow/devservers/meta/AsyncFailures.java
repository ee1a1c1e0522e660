package dev.orderflow.devservers.meta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The scripted asynchronous failures still to apply, in the order they were added. */
final class AsyncFailures {
  private final List<Active> active = new ArrayList<>(); // guarded by this

  synchronized void add(AsyncFailure failure) {
    active.add(new Active(failure, failure.count() == null ? Integer.MAX_VALUE : failure.count()));
  }

  /** The first failure scripted for this recipient, used up by one. */
  synchronized Optional<AsyncFailure> next(Platform platform, String recipient) {
    for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
      Active entry = it.next();
      if (entry.failure.platform() == platform
          && OutgoingMessage.recipientKey(entry.failure.recipient()).equals(recipient)) {
        if (--entry.remaining == 0) {
          it.remove();
        }
        return Optional.of(entry.failure);
      }
    }
    return Optional.empty();
  }

  synchronized List<AsyncFailure> active() {
    return active.stream()
        .map(a -> a.failure.count() == null ? a.failure : a.failure.times(a.remaining))
        .toList();
  }

  synchronized void clear() {
    active.clear();
  }

  private static final class Active {
    private final AsyncFailure failure;
    private int remaining;

    Active(AsyncFailure failure, int remaining) {
      this.failure = failure;
      this.remaining = remaining;
    }
  }
}
