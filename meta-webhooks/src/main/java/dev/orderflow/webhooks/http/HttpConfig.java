package dev.orderflow.webhooks.http;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import java.time.Duration;

/**
 * Where and how the webhook endpoint listens.
 *
 * @param host address to bind ({@code webhooks.http.host}); 127.0.0.1 unless asked
 * @param port 0 picks a free port, for tests
 * @param path the callback path configured at Meta, e.g. {@code /webhooks/meta}
 * @param maxBodyBytes larger bodies are refused with 413 before they are read
 * @param maxConcurrentRequests requests handled at once
 * @param maxQueuedRequests requests waiting for a slot; beyond that 503 at once
 * @param queueTimeout how long a request waits for a slot before 503
 * @param idleTimeout how long a silent connection is kept
 */
public record HttpConfig(
    String host,
    int port,
    String path,
    int maxBodyBytes,
    int maxConcurrentRequests,
    int maxQueuedRequests,
    Duration queueTimeout,
    Duration idleTimeout) {

  public static final String PREFIX = "webhooks.http.";

  public HttpConfig {
    if (host == null || host.isBlank()) {
      throw new ConfigException(PREFIX + "host", "a host name or IP address to bind", "");
    }
    if (path == null || !path.matches("/[A-Za-z0-9._~/-]*")) {
      throw new ConfigException(PREFIX + "path", "an absolute path such as /webhooks/meta", path);
    }
    if (queueTimeout == null || queueTimeout.isNegative()) {
      throw new ConfigException(PREFIX + "queue-timeout", "0s or more", "" + queueTimeout);
    }
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new ConfigException(PREFIX + "idle-timeout", "a positive duration", "" + idleTimeout);
    }
  }

  public static HttpConfig from(ConfigSource c) {
    return new HttpConfig(
        c.string(PREFIX + "host", "127.0.0.1"),
        c.intInRange(PREFIX + "port", 0, 65_535, 8085),
        c.string(PREFIX + "path", "/webhooks/meta"),
        c.intInRange(PREFIX + "max-body-bytes", 1_024, 900 * 1_024, 256 * 1_024),
        c.intInRange(PREFIX + "max-concurrent-requests", 1, 10_000, 64),
        c.intInRange(PREFIX + "max-queued-requests", 0, 100_000, 256),
        c.duration(PREFIX + "queue-timeout", Duration.ofSeconds(2)),
        c.duration(PREFIX + "idle-timeout", Duration.ofSeconds(30)));
  }
}
