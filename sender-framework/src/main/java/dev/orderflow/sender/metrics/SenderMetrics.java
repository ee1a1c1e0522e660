package dev.orderflow.sender.metrics;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.MetaError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Every meter a sender publishes, tagged with the platform. Names follow {@code sender.*}; see the
 * module README for what each means.
 */
public final class SenderMetrics {
  private final MeterRegistry registry;
  private final String platform;
  private final Counter sent;
  private final Counter ledgerHits;
  private final Counter takeovers;
  private final Counter duplicates;
  private final Timer apiLatency;
  private final Timer rateWait;
  private final Timer timeInSender;
  private final Timer ledgerLatency;

  public SenderMetrics(MeterRegistry registry, String platform) {
    this.registry = registry;
    this.platform = platform;
    this.sent = counter("sender.sent");
    this.ledgerHits = counter("sender.ledger.hits");
    this.takeovers = counter("sender.ledger.takeovers");
    this.duplicates = counter("sender.ledger.duplicates");
    this.apiLatency = timer("sender.api.latency");
    this.rateWait = timer("sender.ratelimit.wait");
    this.timeInSender = timer("sender.record.duration");
    this.ledgerLatency = timer("sender.ledger.latency");
  }

  public void sent() {
    sent.increment();
  }

  public void failed(ErrorClass errorClass, MetaError error) {
    String code = error.code() == null ? "http-" + error.httpStatus() : error.code().toString();
    registry
        .counter("sender.failed", "platform", platform, "class", errorClass.name(), "code", code)
        .increment();
  }

  public void retried(int tier) {
    registry
        .counter("sender.retries", "platform", platform, "tier", Integer.toString(tier))
        .increment();
  }

  public void deadLettered(String errorClass) {
    registry.counter("sender.dead.letters", "platform", platform, "class", errorClass).increment();
  }

  /** Dead-lettered in compact form: Kafka refused the full copy (too large, invalid). */
  public void compactDeadLettered(String errorClass) {
    registry
        .counter("sender.dead.letters.compact", "platform", platform, "class", errorClass)
        .increment();
  }

  public void throttled(String scope) {
    registry.counter("sender.throttled", "platform", platform, "scope", scope).increment();
  }

  public void channelPaused(String reason) {
    registry.counter("sender.channel.pauses", "platform", platform, "reason", reason).increment();
  }

  public void ledgerHit() {
    ledgerHits.increment();
  }

  public void takeover() {
    takeovers.increment();
  }

  /** A run found its lease taken over or settled by another run, and stood back. */
  public void leaseLost(String at) {
    registry.counter("sender.ledger.leases-lost", "platform", platform, "at", at).increment();
  }

  /** An attempt may have reached Meta without our knowing (no answer, or no message id). */
  public void possiblySent() {
    registry.counter("sender.possibly-sent", "platform", platform).increment();
  }

  /** A notification sent again after an attempt that may have reached the buyer. */
  public void possibleDuplicate() {
    counter("sender.possibly-sent.resends").increment();
  }

  /** A status webhook applied to the ledger; {@code result} says how. */
  public void status(String state, String result) {
    registry
        .counter("sender.statuses", "platform", platform, "status", state, "result", result)
        .increment();
  }

  /**
   * Time from the sender's SENT to Meta's DELIVERED or READ (Meta's timestamps have whole seconds,
   * so a short one may read as zero; a negative one, from clock skew, counts as zero).
   */
  public void afterSend(String state, Duration elapsed) {
    Timer.builder("sender.status.after-send")
        .tags("platform", platform, "status", state)
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  /** A delivery failure Meta reported only by webhook, now a dead letter. */
  public void statusDeadLettered(String code) {
    registry.counter("sender.status.dead-letters", "platform", platform, "code", code).increment();
  }

  /** A read of the credentials secret failed (the held credentials stay in use). */
  public void credentialsReadFailed() {
    registry.counter("sender.credentials.read-failures", "platform", platform).increment();
  }

  /** A partition's committed offset was no longer in the log; {@code skipped} records were lost. */
  /**
   * The reset counters at 0 for each consumed topic from the start, so a rule's {@code increase}
   * sees the first reset (a series that appears at 1 has no increase to show).
   */
  public void registerOffsetResets(Collection<String> topics) {
    topics.forEach(topic -> offsetReset(topic, 0, 0));
  }

  public void offsetReset(String topic, long skipped) {
    offsetReset(topic, 1, skipped);
  }

  private void offsetReset(String topic, int resets, long skipped) {
    registry
        .counter("sender.consumer.offset-resets", "platform", platform, "topic", topic)
        .increment(resets);
    registry
        .counter("sender.consumer.offsets-skipped", "platform", platform, "topic", topic)
        .increment(skipped);
  }

  public void duplicate() {
    duplicates.increment();
  }

  public void apiCall(Duration latency) {
    apiLatency.record(latency);
  }

  public void rateWait(Duration waited) {
    rateWait.record(waited);
  }

  public void ledgerCall(Duration latency) {
    ledgerLatency.record(latency);
  }

  public void recordDone(Duration inSender) {
    timeInSender.record(inSender);
  }

  public void gauge(String name, Supplier<Number> value) {
    Gauge.builder(name, value).tag("platform", platform).register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  private Counter counter(String name) {
    return registry.counter(name, "platform", platform);
  }

  private Timer timer(String name) {
    return Timer.builder(name)
        .tag("platform", platform)
        .publishPercentiles(0.5, 0.99)
        .publishPercentileHistogram()
        .register(registry);
  }
}
