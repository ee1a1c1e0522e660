package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.circuit.CircuitConfig;
import dev.orderflow.sender.consume.ConsumerLoopConfig;
import dev.orderflow.sender.ledger.LedgerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a {@link SenderConfig} from the service's config (file, then environment); every key is
 * listed in the module README. A value the records reject becomes a {@link ConfigException} naming
 * the key, so the launcher prints one line and exits.
 */
public final class SenderSettings {
  private SenderSettings() {}

  public static SenderConfig from(ConfigSource c, String platform) {
    return valid(() -> build(c, platform));
  }

  private static SenderConfig build(ConfigSource c, String platform) {
    int maxInFlight = c.intInRange("sender.max-in-flight", 1, 10_000, 200);
    return new SenderConfig(
        platform,
        c.string("sender.main-topic", TopicNames.platformTopic(platform)),
        c.string("sender.group-id", platform + "-sender"),
        new ConsumerLoopConfig(
            maxInFlight,
            c.intInRange("sender.max-buffered", 1, 100_000, 2_000),
            c.duration("sender.commit-interval", Duration.ofSeconds(1)),
            c.duration("sender.revoke-timeout", Duration.ofSeconds(10)),
            c.duration("sender.shutdown-timeout", Duration.ofSeconds(20))),
        retry(c),
        rate(c),
        new LedgerConfig(
            c.string("ledger.table", "notification-ledger"),
            c.duration("ledger.lease", Duration.ofSeconds(60)),
            c.duration("ledger.retention", Duration.ofDays(30))),
        new CircuitConfig(
            c.intInRange("circuit.window", 2, 1_000, 20),
            c.intInRange("circuit.minimum-calls", 1, 1_000, 10),
            c.intInRange("circuit.failure-rate-percent", 1, 100, 50),
            c.duration("circuit.probe-interval", Duration.ofSeconds(5)),
            c.duration("circuit.config-recheck", Duration.ofMinutes(5))),
        c.string("credentials.secret-name", "orderflow/local/meta-credentials"),
        c.duration("credentials.refresh-interval", Duration.ofMinutes(5)),
        new PlatformClientConfig(
            c.secureUri("meta.graph.url").orElse(URI.create("https://graph.facebook.com")),
            c.string("meta.api-version", "v23.0"),
            c.duration("meta.connect-timeout", Duration.ofSeconds(2)),
            c.duration("meta.call-timeout", Duration.ofSeconds(10)),
            // One connection per send in flight, at least OkHttp's usual 256.
            c.intInRange("meta.max-connections", 1, 10_000, Math.max(256, maxInFlight))));
  }

  private static RetryConfig retry(ConfigSource c) {
    List<Duration> delays =
        c.list("retry.delays", List.of("30s", "5m", "30m")).stream()
            .map(SenderSettings::delay)
            .toList();
    return new RetryConfig(
        c.intInRange("retry.main-attempts", 1, 10, 3),
        c.intInRange("retry.tier-attempts", 1, 10, 2),
        delays,
        c.duration("retry.backoff-first", Duration.ofMillis(200)),
        c.duration("retry.backoff-max", Duration.ofSeconds(5)));
  }

  private static RateConfig rate(ConfigSource c) {
    return new RateConfig(
        c.intInRange("rate.number-per-second", 1, 1_000, 80),
        c.duration("rate.recipient-pace", Duration.ofSeconds(6)),
        c.duration("rate.recipient-penalty", Duration.ofSeconds(30)),
        c.duration("rate.throttle-first-pause", Duration.ofSeconds(1)),
        c.duration("rate.throttle-max-pause", Duration.ofSeconds(60)),
        c.intInRange("rate.max-throttle-waits", 1, 100, 5));
  }

  private static Duration delay(String text) {
    try {
      return ConfigSource.of(Map.of("delay", text), Map.of()).duration("delay");
    } catch (ConfigException e) {
      throw new ConfigException("retry.delays", "durations like 30s,5m,30m", text);
    }
  }

  /** Turns a record's own validation message ("key: expected …, got …") into a ConfigException. */
  private static SenderConfig valid(Supplier<SenderConfig> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "sender: expected valid settings" : e.getMessage();
      int colon = message.indexOf(':');
      String key = colon > 0 ? message.substring(0, colon) : "sender";
      String rest = colon > 0 ? message.substring(colon + 1).trim() : message;
      int got = rest.lastIndexOf(", got ");
      String expected = rest.replaceFirst("^expected ", "");
      if (got > 0) {
        expected = rest.substring(0, got).replaceFirst("^expected ", "");
      }
      throw new ConfigException(key, expected, got > 0 ? rest.substring(got + 6) : "");
    }
  }
}
