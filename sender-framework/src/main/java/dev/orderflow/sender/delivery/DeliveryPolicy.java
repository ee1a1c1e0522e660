package dev.orderflow.sender.delivery;

import dev.orderflow.common.backoff.Backoff;
import java.time.Duration;
import java.util.Set;

/**
 * The knobs of one delivery: in-process backoff, how many throttles a record waits out in process
 * before it moves to a delay tier (without burning an attempt), the penalty for a throttled
 * recipient, which codes throttle one recipient only (131056) rather than the number, and whether
 * the platform's status webhooks name the notification ({@link
 * dev.orderflow.sender.api.MessagingClient#statusesNameNotification()}), and how old a lease may be
 * before a call and not be renewed ({@code SenderConfig.leaseRenewAfter()}).
 */
public record DeliveryPolicy(
    Backoff backoff,
    int maxThrottleWaits,
    Duration recipientPenalty,
    Set<Integer> recipientCodes,
    boolean statusesNameNotification,
    Duration leaseRenewAfter) {

  public DeliveryPolicy {
    if (maxThrottleWaits < 1) {
      throw new IllegalArgumentException(
          "maxThrottleWaits: expected >= 1, got " + maxThrottleWaits);
    }
    recipientCodes = Set.copyOf(recipientCodes);
    if (leaseRenewAfter.isNegative()) {
      throw new IllegalArgumentException("leaseRenewAfter: expected >= 0, got " + leaseRenewAfter);
    }
  }
}
