package dev.orderflow.sender.circuit;

import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While the circuit is open, probes the platform (the service supplies how: re-read credentials,
 * call {@code MessagingClient.probe}, decode a record again) and lets a trial through when the
 * probe passes. A CONFIG or FORWARD pause is re-checked only after {@code configRecheck}, since a
 * probe cannot see most config faults.
 */
public final class CircuitProber {
  private static final Logger LOGGER = LoggerFactory.getLogger(CircuitProber.class);

  private final ChannelCircuit circuit;
  private final Function<OpenReason, Boolean> probe;
  private final Duration configRecheck;

  public CircuitProber(
      ChannelCircuit circuit, Function<OpenReason, Boolean> probe, Duration configRecheck) {
    this.circuit = circuit;
    this.probe = probe;
    this.configRecheck = configRecheck;
  }

  /** One probing round; called on a schedule. Returns true when the circuit went half-open. */
  public boolean probeOnce() {
    OpenReason reason = circuit.reason();
    if (!circuit.isOpen() || reason == null) {
      return false;
    }
    if (reason.recheckedRarely() && circuit.openFor().compareTo(configRecheck) < 0) {
      return false;
    }
    boolean healthy;
    try {
      healthy = probe.apply(reason);
    } catch (RuntimeException e) {
      LOGGER.warn("probe failed reason={}", reason, e);
      healthy = false;
    }
    if (healthy) {
      LOGGER.info("probe passed reason={}; letting a trial send through", reason);
      circuit.probeSucceeded();
    }
    return healthy;
  }
}
