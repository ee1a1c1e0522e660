package dev.orderflow.router.topology;

import dev.orderflow.router.route.Channel;
import dev.orderflow.router.route.UnroutableReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The router's business counters. Every platform and reason is registered up front, so a dashboard
 * shows a zero rather than a missing series.
 */
public final class RouterMetrics {
  private final Map<Channel, Counter> routed = new EnumMap<>(Channel.class);
  private final Map<UnroutableReason, Counter> unroutable = new EnumMap<>(UnroutableReason.class);
  private final Counter rechecksScheduled;
  private final DistributionSummary batchLookups;

  public RouterMetrics(MeterRegistry registry) {
    for (Channel channel : Channel.values()) {
      routed.put(
          channel,
          Counter.builder("router.orders.routed")
              .description("Orders turned into a notification, per platform")
              .tag("platform", channel.id())
              .register(registry));
    }
    for (UnroutableReason reason : UnroutableReason.values()) {
      unroutable.put(
          reason,
          Counter.builder("router.orders.unroutable")
              .description("Orders written to the unroutable topic, per reason")
              .tag("reason", reason.name())
              .register(registry));
    }
    rechecksScheduled =
        Counter.builder("router.buyer.rechecks.scheduled")
            .description("Orders parked for a fresh look-up of a buyer not found at first")
            .register(registry);
    batchLookups =
        DistributionSummary.builder("router.buyer.batch.lookups")
            .description("Buyer ids per batch look-up of orders whose buyer was not cached")
            .register(registry);
  }

  void routed(Channel channel) {
    routed.get(channel).increment();
  }

  void unroutable(UnroutableReason reason) {
    unroutable.get(reason).increment();
  }

  void batchLookedUp(int buyerIds) {
    batchLookups.record(buyerIds);
  }

  void recheckScheduled() {
    rechecksScheduled.increment();
  }
}
