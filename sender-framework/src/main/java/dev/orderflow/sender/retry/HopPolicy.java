package dev.orderflow.sender.retry;

import java.time.Duration;

/**
 * What happens on one hop: its topic, the delay before a record on it is due (zero on the main
 * topic), and how many in-process attempts it gets before moving on.
 */
public record HopPolicy(Hop hop, int tier, String topic, Duration delay, int inProcessAttempts) {

  public HopPolicy {
    if (inProcessAttempts < 1) {
      throw new IllegalArgumentException(
          "inProcessAttempts: expected >= 1 on " + topic + ", got " + inProcessAttempts);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay: expected >= 0 on " + topic + ", got " + delay);
    }
  }
}
