package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.outcome.RejectionKind;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.schema.SubmissionFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The service's own meters (see the module README for names). Counts are taken while processing, so
 * a transaction aborted by a crash may count its records twice; the output topics, read committed,
 * are the exact tally.
 */
public final class IngestMetrics {
  private final MeterRegistry registry;
  private final Map<SubmissionFormat, Counter> accepted = new EnumMap<>(SubmissionFormat.class);
  private final Map<RejectionKind, Counter> rejected = new EnumMap<>(RejectionKind.class);
  private final Counter duplicates;
  private final Counter conflicts;
  private final Timer latency;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (SubmissionFormat format : SubmissionFormat.values()) {
      accepted.put(
          format,
          Counter.builder("ingest.orders.accepted")
              .description("Submissions published as OrderCreated")
              .tag("format", format.name())
              .register(registry));
    }
    for (RejectionKind kind : RejectionKind.values()) {
      rejected.put(
          kind,
          Counter.builder("ingest.orders.rejected")
              .description("Submissions answered with a rejection")
              .tag("kind", kind.name())
              .register(registry));
    }
    duplicates = rejected.get(RejectionKind.DUPLICATE);
    conflicts = rejected.get(RejectionKind.CONFLICT);
    latency =
        Timer.builder("ingest.processing.latency")
            .description("From a submission's record timestamp to its outcome")
            .publishPercentileHistogram()
            .register(registry);
  }

  void accepted(SubmissionFormat format, Duration sinceSubmitted) {
    accepted.get(format).increment();
    latency.record(sinceSubmitted.isNegative() ? Duration.ZERO : sinceSubmitted);
  }

  void rejected(RejectionKind kind, Collection<Reason> reasons, Duration sinceSubmitted) {
    rejected.get(kind).increment();
    reasons.stream()
        .map(r -> r.code().name())
        .distinct()
        .forEach(
            code ->
                Counter.builder("ingest.rejection.reasons")
                    .description("Rejections by reason code (one rejection may have several)")
                    .tag("code", code)
                    .register(registry)
                    .increment());
    latency.record(sinceSubmitted.isNegative() ? Duration.ZERO : sinceSubmitted);
  }

  public double duplicates() {
    return duplicates.count();
  }

  public double conflicts() {
    return conflicts.count();
  }
}
