package dev.orderflow.bench;

import dev.orderflow.bench.orders.OrderMix;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one benchmark run does.
 *
 * @param rate orders per second the vendors produce during the end-to-end phase
 * @param buyerPool buyers the end-to-end orders are spread over (each gets one every pool/rate s)
 * @param metaLatency simulated Graph API latency during the end-to-end phase
 * @param senderLatency simulated Graph API latency while each sender is measured alone
 * @param profile whether every service JVM is recorded with Java Flight Recorder
 */
record BenchSettings(
    double rate,
    Duration duration,
    OrderMix mix,
    int payloadBytes,
    int buyerPool,
    Duration metaLatency,
    Duration senderLatency,
    int ceilingRecords,
    int routerRecords,
    int senderRecords,
    Path output,
    boolean profile) {

  BenchSettings {
    if (rate <= 0 || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--rate and --duration must be positive");
    }
    if (buyerPool < 1) {
      throw new IllegalArgumentException("--buyer-pool must be at least 1");
    }
  }

  int orders() {
    return (int) Math.round(rate * duration.toMillis() / 1000.0);
  }
}
