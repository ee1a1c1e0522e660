package dev.orderflow.sender.delivery;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.sender.api.MetaError;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a ledger call until DynamoDB answers. An unreachable ledger is a systemic failure like a
 * Meta outage: it counts against the circuit (which pauses the channel once it opens) and the call
 * is repeated in place, so a notification Meta already accepted is never sent again just because
 * its SENT could not be written at first.
 */
final class LedgerCalls {
  private static final Logger LOGGER = LoggerFactory.getLogger(LedgerCalls.class);

  /** Doubling from 200 ms to 5 s: the circuit, not jitter, keeps an outage from being hammered. */
  private static final Backoff BACKOFF =
      Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5));

  private final DeliveryDeps deps;

  LedgerCalls(DeliveryDeps deps) {
    this.deps = deps;
  }

  <T> T call(String what, Supplier<T> call) throws InterruptedException {
    for (int retry = 1; ; retry++) {
      long start = System.nanoTime();
      try {
        return call.get();
      } catch (SdkException e) {
        Duration pause = BACKOFF.pauseBefore(retry);
        LOGGER.warn("ledger {} failed; retrying in {}: {}", what, pause, e.getMessage());
        deps.circuit()
            .failedSystemically(Duration.ZERO, MetaError.noResponse("ledger: " + e.getMessage()));
        deps.sleeper().sleep(pause);
      } finally {
        deps.metrics().ledgerCall(Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  void run(String what, Runnable call) throws InterruptedException {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }
}
