package dev.orderflow.bench;

import dev.orderflow.bench.observe.Delivery;
import dev.orderflow.bench.observe.DeliveryReader;
import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.devservers.meta.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One WhatsApp sender against Meta capping the number at {@link #ALLOWED} messages/s while the
 * sender's own limit stays at its maximum: only Meta's 130429 answers can slow it down. Does it
 * settle near the cap, and with how many throttle answers per 1,000 sends?
 */
final class ThrottlePhase {
  static final int ALLOWED = 5;

  /** Thirty seconds at the cap: long enough to settle, short enough for a run. */
  static final int RECORDS = 150;

  private static final int THROTTLED = 130429;
  private static final Duration LIMIT = Duration.ofMinutes(3);

  /**
   * @param achieved messages/s Meta accepted between the 10th and the 90th percentile of them
   * @param sends every send Meta answered: accepted or refused
   */
  record Result(int allowed, double achieved, long accepted, long sends, long throttles) {
    double throttlesPerThousand() {
      return sends == 0 ? 0 : 1000.0 * throttles / sends;
    }
  }

  private final BenchContext context;

  ThrottlePhase(BenchContext context) {
    this.context = context;
  }

  Result run() {
    String runId = context.runId() + "t";
    PipelineNames names = PipelineNames.unique(runId);
    context.resources().create(names, 6);
    SenderCapacityPhase.backlog(context, runId, Platform.WHATSAPP, names.whatsapp(), RECORDS);
    context.meta().reset();
    context.metaLatency(Duration.ofMillis(20));
    context.meta().update(Platform.WHATSAPP, p -> p.withRatePerSecond(ALLOWED));
    try (Pipeline sender = context.start(names, List.of(ServiceKind.WHATSAPP_SENDER))) {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (context.meta().stats().accepted(Platform.WHATSAPP) < RECORDS
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      }
      List<Instant> received =
          DeliveryReader.read(context.meta().messages(Platform.WHATSAPP)).stream()
              .map(Delivery::receivedAt)
              .sorted()
              .toList();
      var stats = context.meta().stats();
      long accepted = stats.accepted(Platform.WHATSAPP);
      long refused = stats.rejectedByCode().values().stream().mapToLong(Long::longValue).sum();
      return new Result(
          ALLOWED,
          SenderCapacityPhase.steadyRate(received),
          accepted,
          accepted + refused,
          stats.rejected(THROTTLED));
    } finally {
      context.metaLatency(Duration.ofMillis(20)); // back to the run's uncapped rate
      context.resources().delete(names);
    }
  }
}
