package dev.orderflow.devservers.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The scripted faults still to apply, in the order they were added. */
final class FaultPlan {

  private final List<ActiveFault> active = new ArrayList<>(); // guarded by this

  synchronized void add(FaultRule rule, Instant now) {
    Instant expiresAt = rule.durationMs() == null ? null : now.plusMillis(rule.durationMs());
    int remaining = rule.count() == null ? Integer.MAX_VALUE : rule.count();
    active.add(new ActiveFault(rule, remaining, expiresAt));
  }

  /** The first fault matching this call, used up by one. */
  synchronized Optional<FaultRule> next(Platform platform, String recipient, Instant now) {
    active.removeIf(fault -> fault.expiredAt(now));
    for (Iterator<ActiveFault> it = active.iterator(); it.hasNext(); ) {
      ActiveFault fault = it.next();
      if (fault.matches(platform, recipient)) {
        if (--fault.remaining == 0) {
          it.remove();
        }
        return Optional.of(fault.rule);
      }
    }
    return Optional.empty();
  }

  /** The faults still active, each with what is left of its count. */
  synchronized List<FaultRule> active(Instant now) {
    active.removeIf(fault -> fault.expiredAt(now));
    return active.stream()
        .map(f -> f.rule.count() == null ? f.rule : f.rule.times(f.remaining))
        .toList();
  }

  synchronized void clear() {
    active.clear();
  }

  private static final class ActiveFault {
    private final FaultRule rule;
    private final Instant expiresAt;
    private int remaining;

    ActiveFault(FaultRule rule, int remaining, Instant expiresAt) {
      this.rule = rule;
      this.remaining = remaining;
      this.expiresAt = expiresAt;
    }

    boolean expiredAt(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }

    boolean matches(Platform platform, String recipient) {
      return rule.platform() == platform
          && (rule.recipient() == null
              || OutgoingMessage.recipientKey(rule.recipient()).equals(recipient));
    }
  }
}
