package dev.orderflow.sender.consume;

/**
 * Whether the whole channel may take new work now (circuit closed, not throttled). While closed,
 * the loop pauses every partition and starts nothing new; in-flight work carries on.
 */
@FunctionalInterface
public interface ConsumptionGate {
  ConsumptionGate ALWAYS_OPEN = () -> true;

  boolean open();
}
