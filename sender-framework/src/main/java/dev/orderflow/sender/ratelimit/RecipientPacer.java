package dev.orderflow.sender.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Meta's pair limit: about one message per recipient every few seconds. Each send reserves the
 * recipient's next slot and says how long to wait for it; a 131056 pushes the slot further out.
 * Only that recipient's sender waits; others go on. Hand-written (on a Caffeine map that forgets
 * idle recipients) because a resilience4j RateLimiter per recipient cannot be pushed back on a
 * throttle and costs far more per idle recipient than one timestamp.
 */
public final class RecipientPacer {
  private final Duration pace;
  private final Clock clock;
  private final Cache<String, Instant> nextSlot;

  public RecipientPacer(Duration pace, Clock clock) {
    this.pace = pace;
    this.clock = clock;
    this.nextSlot =
        Caffeine.newBuilder()
            .expireAfterWrite(pace.multipliedBy(20).plusMinutes(1))
            .maximumSize(1_000_000)
            .build();
  }

  /** Reserves the recipient's next slot; the caller waits the returned time before sending. */
  public Duration reserve(String recipient) {
    Instant now = clock.instant();
    Instant[] slot = new Instant[1];
    nextSlot
        .asMap()
        .compute(
            recipient,
            (r, next) -> {
              slot[0] = next == null || next.isBefore(now) ? now : next;
              return slot[0].plus(pace);
            });
    return Duration.between(now, slot[0]);
  }

  /** Meta throttled this pair: nothing more for it until {@code penalty} from now. */
  public void throttled(String recipient, Duration penalty) {
    Instant until = clock.instant().plus(penalty);
    nextSlot.asMap().merge(recipient, until, (a, b) -> a.isAfter(b) ? a : b);
  }
}
