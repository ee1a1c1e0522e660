package dev.orderflow.sender.delivery;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.consume.DeferredInterrupts;
import java.time.Duration;
import java.time.Instant;

/**
 * One guarded call to the platform: wait out a channel throttle, the recipient's pace and the
 * number's rate, take the circuit's permission, renew the ledger lease, send, and tell the circuit
 * whether the platform looked healthy (a 5xx or no answer counts against it; any other answer for
 * it).
 *
 * <p>From the call on, interrupts are {@linkplain DeferredInterrupts deferred}: a revoke or a
 * shutdown cannot abort the call (which would leave "did Meta get it?" open) nor the SENT write
 * that follows an accepted send ({@code onSent}); the interrupt is delivered once SENT is written.
 */
final class SendAttempt {
  private final DeliveryDeps deps;

  SendAttempt(DeliveryDeps deps) {
    this.deps = deps;
  }

  /** {@code startedAt}: when the call went out, to tell a throttle episode's stragglers apart. */
  record Result(SendOutcome outcome, Credentials used, Instant startedAt) {}

  /** The attempt found its ledger lease gone after the waits: no call was made. */
  static final Result LEASE_LOST = new Result(null, null, null);

  /** The delivery's part of an attempt: its ledger lease, and SENT. */
  interface Guard {
    /**
     * Right before the call: renews the lease when the waits may have outlasted it (or an earlier
     * send may have been confirmed meanwhile); false when it is no longer ours.
     */
    boolean renewLease() throws InterruptedException;

    /** Meta accepted; runs before any interrupt may land: write SENT. */
    void sent(SendOutcome.Sent sent) throws InterruptedException;
  }

  Result send(NotificationRequested notification, Guard guard) throws InterruptedException {
    waitOutThrottle(); // before the recipient's slot is reserved, so the pause does not waste it
    Duration pace = deps.pacer().reserve(notification.getRecipient());
    if (pace.isPositive()) {
      deps.sleeper().sleep(pace);
    }
    Duration rateWait = Duration.ZERO;
    do {
      waitOutThrottle();
      rateWait = rateWait.plus(deps.limiter().acquire());
      // A pause that began while this caller waited voids its permit: callers holding permits
      // through the pause would all send the moment it ends, a burst that is throttled again.
    } while (deps.throttle().paused());
    deps.metrics().rateWait(rateWait);
    Credentials credentials = deps.credentials().current();
    deps.circuit().awaitPermission();
    // The waits above can outlast the lease taken at the claim; another run may own it by now.
    if (!guard.renewLease()) {
      return LEASE_LOST;
    }
    Instant startedAt = deps.clock().instant();
    SendOutcome outcome =
        DeferredInterrupts.shielded(
            () -> {
              SendOutcome answer = guardedCall(notification, credentials);
              if (answer instanceof SendOutcome.Sent sent) {
                // Told before the SENT write: a throttle answer that arrives while the write is
                // out must find this acceptance counted, or the cut to what the platform accepted
                // undercounts by every write in flight (the ledger may take 100 ms under load).
                deps.rate().succeeded(startedAt);
                guard.sent(sent);
              }
              return answer;
            });
    // A sent notification keeps a deferred interrupt for whoever waits next; any other answer
    // ends the delivery here, keeping the lease (the call may have reached the platform).
    if (!(outcome instanceof SendOutcome.Sent) && Thread.interrupted()) {
      throw new CallInterrupted();
    }
    return new Result(outcome, credentials, startedAt);
  }

  private SendOutcome guardedCall(NotificationRequested notification, Credentials credentials) {
    long start = System.nanoTime();
    SendOutcome outcome = call(notification, credentials);
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    deps.metrics().apiCall(latency);
    if (outcome instanceof SendOutcome.Failed failed && isSystemic(failed)) {
      deps.circuit().failedSystemically(latency, failed.error());
    } else {
      deps.circuit().answered(latency);
    }
    return outcome;
  }

  /** Interrupted while the call was out: it may have reached the platform. */
  static final class CallInterrupted extends InterruptedException {
    CallInterrupted() {
      super("interrupted during the send call");
    }
  }

  private SendOutcome call(NotificationRequested notification, Credentials credentials) {
    try {
      return deps.client().send(notification, credentials);
    } catch (RuntimeException e) {
      // The port promises not to throw; a client bug must not lose the record, so treat it as
      // an unanswered call.
      return new SendOutcome.Failed(ErrorClass.RETRY, MetaError.noResponse(e.toString()));
    }
  }

  private void waitOutThrottle() throws InterruptedException {
    while (deps.throttle().paused()) {
      Duration left = Duration.between(deps.clock().instant(), deps.throttle().pausedUntil());
      deps.sleeper().sleep(left.isNegative() ? Duration.ZERO : left);
    }
  }

  static boolean isSystemic(SendOutcome.Failed failed) {
    int status = failed.error().httpStatus();
    return failed.errorClass() == ErrorClass.RETRY && (status == 0 || status >= 500);
  }
}
