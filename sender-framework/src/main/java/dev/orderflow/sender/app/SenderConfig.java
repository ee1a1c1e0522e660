package dev.orderflow.sender.app;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.circuit.CircuitConfig;
import dev.orderflow.sender.consume.ConsumerLoopConfig;
import dev.orderflow.sender.ledger.LedgerConfig;
import java.time.Duration;

/** Everything one sender instance is configured with; each part validates itself. */
public record SenderConfig(
    String platform,
    String mainTopic,
    String groupId,
    ConsumerLoopConfig loop,
    RetryConfig retry,
    RateConfig rate,
    LedgerConfig ledger,
    CircuitConfig circuit,
    String secretName,
    Duration credentialsRefresh,
    PlatformClientConfig client) {

  /** Slack between a lease and the call it covers: the renewal's own latency, clock skew. */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

  /** The local stack's secret; every deployment names its own ({@code CREDENTIALS_SECRET_NAME}). */
  static final String DEFAULT_SECRET_NAME = "orderflow/local/meta-credentials";

  static final Duration DEFAULT_CREDENTIALS_REFRESH = Duration.ofMinutes(5);

  public SenderConfig {
    if (platform == null || !platform.matches("[a-z]+")) {
      throw new ConfigException("platform", "a lower-case name", platform);
    }
    if (secretName == null || secretName.isBlank()) {
      throw new ConfigException("credentials.secret-name", "a secret name", secretName);
    }
    // Every handler in flight holds one Graph call: a smaller pool queues sends behind each other.
    if (client.maxConnections() < loop.maxInFlight()) {
      throw new ConfigException(
          "meta.max-connections",
          ">= sender.max-in-flight (" + loop.maxInFlight() + ")",
          String.valueOf(client.maxConnections()));
    }
    // The lease is renewed right before the call; it must outlast the call, or another run may
    // take it over and send while our call is still out.
    Duration needed = client.callTimeout().plus(LEASE_MARGIN);
    if (ledger.lease().compareTo(needed) < 0) {
      throw new ConfigException(
          "ledger.lease",
          ">= meta.call-timeout + " + LEASE_MARGIN.toSeconds() + "s (" + needed + ")",
          String.valueOf(ledger.lease()));
    }
  }

  /**
   * How old a lease may be when a call starts and still not be renewed: half the slack the lease
   * leaves around one call and the margin, so such a call ends with over half the slack left. With
   * the defaults (60 s lease, 10 s call timeout) 24 s; with the shortest lease allowed, zero (every
   * call renews).
   */
  public Duration leaseRenewAfter() {
    return ledger.lease().minus(client.callTimeout()).minus(LEASE_MARGIN).dividedBy(2);
  }

  /** The service name used in logs, metrics and dead-letter headers, e.g. whatsapp-sender. */
  public String serviceName() {
    return platform + "-sender";
  }
}
