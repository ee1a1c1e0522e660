package dev.orderflow.sender.circuit;

import dev.orderflow.common.config.ConfigException;
import java.time.Duration;

/**
 * When sustained failures open the circuit ({@code failureRatePercent} of the last {@code window}
 * calls, once {@code minimumCalls} were seen), how often it probes, and how long a CONFIG pause
 * lasts before a trial send re-checks it.
 */
public record CircuitConfig(
    int window,
    int minimumCalls,
    float failureRatePercent,
    Duration probeInterval,
    Duration configRecheck) {

  public CircuitConfig {
    if (minimumCalls < 1 || minimumCalls > window) {
      throw new ConfigException(
          "circuit.minimum-calls",
          "1..circuit.window (" + window + ")",
          String.valueOf(minimumCalls));
    }
    if (failureRatePercent <= 0 || failureRatePercent > 100) {
      throw new ConfigException(
          "circuit.failure-rate-percent", "0 < percent <= 100", String.valueOf(failureRatePercent));
    }
  }

  public static CircuitConfig defaults() {
    return new CircuitConfig(20, 10, 50f, Duration.ofSeconds(5), Duration.ofMinutes(5));
  }
}
