package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.circuit.CircuitConfig;
import dev.orderflow.sender.consume.ConsumerLoopConfig;
import dev.orderflow.sender.ledger.LedgerConfig;
import dev.orderflow.sender.status.StatusConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link SenderConfig} from the service's config (file, then environment); every key is
 * listed in the module README. Each default is the record's own ({@code X.defaults()}), stated
 * once; a value a record refuses throws its {@link ConfigException} naming the key, so the launcher
 * prints one line and exits.
 */
public final class SenderSettings {
  private static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com";

  private SenderSettings() {}

  /** Whether (and from where) the sender applies Meta's status webhooks to its ledger. */
  public static StatusConfig status(ConfigSource c) {
    StatusConfig d = StatusConfig.defaults();
    return new StatusConfig(
        c.bool("status.enabled", d.enabled()), c.string("status.topic", d.topic()));
  }

  public static SenderConfig from(ConfigSource c, String platform) {
    ConsumerLoopConfig loop = loop(c);
    PlatformClientConfig client = PlatformClientConfig.defaults(URI.create(DEFAULT_GRAPH_URL));
    LedgerConfig ledger = LedgerConfig.defaults();
    CircuitConfig circuit = CircuitConfig.defaults();
    return new SenderConfig(
        platform,
        c.string("sender.main-topic", TopicNames.platformTopic(platform)),
        c.string("sender.group-id", platform + "-sender"),
        loop,
        retry(c),
        rate(c),
        new LedgerConfig(
            c.string("ledger.table", ledger.table()),
            c.duration("ledger.lease", ledger.lease()),
            c.duration("ledger.retention", ledger.retention())),
        new CircuitConfig(
            c.intInRange("circuit.window", 2, 1_000, circuit.window()),
            c.intInRange("circuit.minimum-calls", 1, 1_000, circuit.minimumCalls()),
            c.intInRange(
                "circuit.failure-rate-percent", 1, 100, (int) circuit.failureRatePercent()),
            c.duration("circuit.probe-interval", circuit.probeInterval()),
            c.duration("circuit.config-recheck", circuit.configRecheck())),
        c.string("credentials.secret-name", SenderConfig.DEFAULT_SECRET_NAME),
        c.duration("credentials.refresh-interval", SenderConfig.DEFAULT_CREDENTIALS_REFRESH),
        new PlatformClientConfig(
            c.secureUri("meta.graph.url").orElse(client.baseUrl()),
            c.string("meta.api-version", client.apiVersion()),
            c.duration("meta.connect-timeout", client.connectTimeout()),
            c.duration("meta.call-timeout", client.callTimeout()),
            // One connection per send in flight, at least OkHttp's usual 256.
            c.intInRange(
                "meta.max-connections",
                1,
                10_000,
                Math.max(client.maxConnections(), loop.maxInFlight()))));
  }

  private static ConsumerLoopConfig loop(ConfigSource c) {
    ConsumerLoopConfig d = ConsumerLoopConfig.defaults();
    return new ConsumerLoopConfig(
        c.intInRange("sender.max-in-flight", 1, 10_000, d.maxInFlight()),
        c.intInRange("sender.max-buffered", 1, 100_000, d.maxBuffered()),
        c.duration("sender.commit-interval", d.commitInterval()),
        c.duration("sender.revoke-timeout", d.revokeTimeout()),
        c.duration("sender.shutdown-timeout", d.shutdownTimeout()));
  }

  private static RetryConfig retry(ConfigSource c) {
    RetryConfig d = RetryConfig.defaults();
    // Unset (or blank, which ConfigSource treats as unset): the default tiers; "," alone: none.
    List<String> configured = c.list("retry.delays", null);
    List<Duration> delays =
        configured == null ? d.delays() : configured.stream().map(SenderSettings::delay).toList();
    return new RetryConfig(
        c.intInRange("retry.main-attempts", 1, 10, d.mainAttempts()),
        c.intInRange("retry.tier-attempts", 1, 10, d.tierAttempts()),
        delays,
        c.duration("retry.backoff-first", d.backoffFirst()),
        c.duration("retry.backoff-max", d.backoffMax()));
  }

  private static RateConfig rate(ConfigSource c) {
    RateConfig d = RateConfig.defaults();
    return new RateConfig(
        c.intInRange("rate.number-per-second", 1, 1_000, (int) d.numberPerSecond()),
        c.duration("rate.recipient-pace", d.recipientPace()),
        c.duration("rate.recipient-penalty", d.recipientPenalty()),
        c.duration("rate.throttle-first-pause", d.throttleFirstPause()),
        c.duration("rate.throttle-max-pause", d.throttleMaxPause()),
        c.intInRange("rate.max-throttle-waits", 1, 100, d.maxThrottleWaits()));
  }

  private static Duration delay(String text) {
    try {
      return ConfigSource.of(Map.of("delay", text), Map.of()).duration("delay");
    } catch (ConfigException e) {
      throw new ConfigException("retry.delays", "durations like 30s,5m,30m", text);
    }
  }
}
