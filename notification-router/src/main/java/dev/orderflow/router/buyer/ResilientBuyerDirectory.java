package dev.orderflow.router.buyer;

import dev.orderflow.common.backoff.Backoff;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Retries a failing directory with exponential backoff (common's {@code Backoff}, as resilience4j's
 * interval function) behind a circuit breaker. The circuit's state is the service's view of
 * DynamoDB health: readiness is false while it is not closed.
 */
public final class ResilientBuyerDirectory implements BuyerDirectory {

  private final BuyerDirectory delegate;
  private final CircuitBreaker circuit;
  private final Retry retry;

  public ResilientBuyerDirectory(BuyerDirectory delegate, DirectoryResilience settings) {
    this.delegate = delegate;
    this.circuit =
        CircuitBreaker.of(
            "buyer-directory",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(settings.openStateWait())
                .recordExceptions(BuyerDirectoryUnavailableException.class)
                .build());
    Backoff backoff = settings.backoff();
    this.retry =
        Retry.of(
            "buyer-directory",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(attempt -> backoff.pauseBefore(attempt).toMillis())
                .retryExceptions(
                    BuyerDirectoryUnavailableException.class, CallNotPermittedException.class)
                .build());
  }

  @Override
  public BuyerLookup find(String buyerId) {
    return call(() -> delegate.find(buyerId));
  }

  @Override
  public BuyerLookup findFresh(String buyerId) {
    return call(() -> delegate.findFresh(buyerId));
  }

  @Override
  public Map<String, BuyerLookup> findAll(Collection<String> buyerIds) {
    return call(() -> delegate.findAll(buyerIds));
  }

  @Override
  public Map<String, BuyerLookup> findAllFresh(Collection<String> buyerIds) {
    return call(() -> delegate.findAllFresh(buyerIds));
  }

  /** True while the circuit is closed, i.e. the directory answered recently. */
  public boolean available() {
    return circuit.getState() == CircuitBreaker.State.CLOSED;
  }

  public CircuitBreaker.State circuitState() {
    return circuit.getState();
  }

  private <T> T call(Supplier<T> lookup) {
    try {
      return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuit, lookup)).get();
    } catch (CallNotPermittedException e) {
      throw new BuyerDirectoryUnavailableException("buyer directory circuit is open", e);
    }
  }
}
