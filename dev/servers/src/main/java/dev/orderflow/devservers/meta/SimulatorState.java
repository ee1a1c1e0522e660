package dev.orderflow.devservers.meta;

import dev.orderflow.common.backoff.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** The simulator's mutable state, shared by the Graph and control endpoints. */
final class SimulatorState {

  private final SimulatorSettings initialSettings;
  private final AtomicReference<SimulatorSettings> settings;
  private final Clock clock;
  private final Sleeper pause;
  private final RateWindow rates = new RateWindow();
  private final PairLimiter pairs = new PairLimiter();
  private final MessagingWindows windows = new MessagingWindows();
  private final FaultPlan faults = new FaultPlan();
  private final DeliveryLog log = new DeliveryLog();
  private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
  private final SimulatorWebhooks webhooks;

  SimulatorState(
      SimulatorSettings initialSettings,
      WebhookSettings webhookSettings,
      Clock clock,
      Sleeper pause) {
    this.initialSettings = initialSettings;
    this.settings = new AtomicReference<>(initialSettings);
    this.clock = clock;
    this.pause = pause;
    // The webhooks read the clock, windows and settings only when called, after construction.
    this.webhooks = new SimulatorWebhooks(webhookSettings, this);
  }

  Instant now() {
    return clock.instant();
  }

  /** Holds the calling (virtual) thread's reply back for {@code duration}. */
  void pause(Duration duration) throws InterruptedException {
    pause.sleep(duration);
  }

  SimulatorSettings settings() {
    return settings.get();
  }

  void updateSettings(SimulatorSettings updated) {
    settings.set(updated);
  }

  RateWindow rates() {
    return rates;
  }

  PairLimiter pairs() {
    return pairs;
  }

  MessagingWindows windows() {
    return windows;
  }

  FaultPlan faults() {
    return faults;
  }

  DeliveryLog log() {
    return log;
  }

  SimulatorWebhooks webhooks() {
    return webhooks;
  }

  /** Counts a refused Graph call by its error code, or "http&lt;status&gt;" when it had none. */
  void recordRejection(String key) {
    rejections.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  SimulatorStats stats() {
    Map<String, Long> rejected = new TreeMap<>();
    rejections.forEach((key, count) -> rejected.put(key, count.sum()));
    return new SimulatorStats(log.acceptedCounts(), log.duplicateCounts(), rejected);
  }

  /** Forgets everything that happened; settings go back to the start-up ones only if asked. */
  void reset(boolean restoreSettings) {
    if (restoreSettings) {
      settings.set(initialSettings);
    }
    rates.clear();
    pairs.clear();
    windows.clear();
    faults.clear();
    log.clear();
    rejections.clear();
    webhooks.reset(restoreSettings);
  }
}
