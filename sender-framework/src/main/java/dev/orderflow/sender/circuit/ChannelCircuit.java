package dev.orderflow.sender.circuit;

import dev.orderflow.sender.api.MetaError;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's circuit, on resilience4j's CircuitBreaker: it counts systemic failures and opens by
 * itself on an outage; the sender opens it by hand for dead credentials and broken config. It
 * leaves OPEN only when {@link CircuitProber} sees a probe succeed (half-open), and closes after a
 * successful trial send. Every permission taken must be answered by one of the record methods.
 */
public final class ChannelCircuit {
  private static final Logger LOGGER = LoggerFactory.getLogger(ChannelCircuit.class);
  private static final long WAIT_SLICE_MILLIS = 200;

  private final CircuitBreaker breaker;
  private final Clock clock;
  private final Object monitor = new Object();
  private volatile OpenReason reason;
  private volatile Instant openedAt = Instant.MIN;

  public ChannelCircuit(String name, CircuitConfig config, Clock clock) {
    this.clock = clock;
    this.breaker =
        CircuitBreaker.of(
            name,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.window())
                .minimumNumberOfCalls(config.minimumCalls())
                .failureRateThreshold(config.failureRatePercent())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Only the prober leaves OPEN; resilience4j's own timer must never fire.
                .waitDurationInOpenState(Duration.ofDays(3650))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build());
    breaker.getEventPublisher().onStateTransition(e -> transitioned(e.getStateTransition()));
  }

  /** Blocks while the circuit is open; in half-open only the trial call passes. */
  public void awaitPermission() throws InterruptedException {
    while (!breaker.tryAcquirePermission()) {
      synchronized (monitor) {
        monitor.wait(WAIT_SLICE_MILLIS);
      }
    }
  }

  /**
   * Blocks while the circuit is open, until a probe lets it half-open; takes no permission, so a
   * wait that is not a platform call (decoding, forwarding) never uses up the trial send.
   */
  public void awaitNotOpen() throws InterruptedException {
    while (isOpen()) {
      synchronized (monitor) {
        monitor.wait(WAIT_SLICE_MILLIS);
      }
    }
  }

  /** The platform answered (success, or an error that says nothing about its health). */
  public void answered(Duration latency) {
    breaker.onSuccess(latency.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A 5xx or a timeout: counts towards opening the circuit for an outage. */
  public void failedSystemically(Duration latency, MetaError error) {
    breaker.onError(latency.toNanos(), TimeUnit.NANOSECONDS, new SystemicFailure(error));
  }

  /** A permission taken but no call made (the worker was interrupted). */
  public void released() {
    breaker.releasePermission();
  }

  /** Opens the circuit by hand (credentials dead after a refresh, account misconfigured). */
  public synchronized void open(OpenReason why, MetaError error) {
    if (reason == why && isOpen()) {
      return;
    }
    reason = why;
    LOGGER.error(
        "channel paused reason={} code={} subcode={} fbtraceId={} message={}",
        why,
        error.code(),
        error.subcode(),
        error.fbtraceId(),
        error.message());
    if (!isOpen()) {
      breaker.transitionToOpenState();
    }
  }

  /** A probe succeeded: let one trial send through. */
  public synchronized void probeSucceeded() {
    if (isOpen()) {
      breaker.transitionToHalfOpenState();
    }
  }

  public boolean isOpen() {
    return breaker.getState() == CircuitBreaker.State.OPEN
        || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
  }

  public boolean isClosed() {
    return breaker.getState() == CircuitBreaker.State.CLOSED;
  }

  public CircuitBreaker.State state() {
    return breaker.getState();
  }

  public OpenReason reason() {
    return reason;
  }

  public Duration openFor() {
    return isOpen() ? Duration.between(openedAt, clock.instant()) : Duration.ZERO;
  }

  private void transitioned(CircuitBreaker.StateTransition transition) {
    LOGGER.warn("circuit {} reason={}", transition, reason);
    if (transition.getToState() == CircuitBreaker.State.OPEN) {
      openedAt = clock.instant();
      if (transition.getFromState() == CircuitBreaker.State.CLOSED && reason == null) {
        reason = OpenReason.OUTAGE;
      }
    }
    if (transition.getToState() == CircuitBreaker.State.CLOSED) {
      reason = null;
    }
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  /** The throwable resilience4j records for a systemic failure; carries the platform's error. */
  static final class SystemicFailure extends RuntimeException {
    SystemicFailure(MetaError error) {
      super(error.httpStatus() + " " + error.message(), null, false, false);
    }
  }
}
