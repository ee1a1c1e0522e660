package dev.orderflow.sender.api;

import dev.orderflow.common.config.ConfigException;
import java.net.URI;
import java.time.Duration;

/** Where and how a platform client calls the Graph API; the version is pinned in config. */
public record PlatformClientConfig(
    URI baseUrl,
    String apiVersion,
    Duration connectTimeout,
    Duration callTimeout,
    int maxConnections) {

  public PlatformClientConfig {
    if (baseUrl == null) {
      throw new ConfigException("meta.graph.url", "an http(s) URL", null);
    }
    if (apiVersion == null || !apiVersion.matches("v\\d+\\.\\d+")) {
      throw new ConfigException("meta.api-version", "a Graph API version like v23.0", apiVersion);
    }
    if (maxConnections < 1) {
      throw new ConfigException("meta.max-connections", ">= 1", String.valueOf(maxConnections));
    }
  }

  /** The Graph API at {@code baseUrl}, pinned to v23.0, 2 s to connect, 10 s per call. */
  public static PlatformClientConfig defaults(URI baseUrl) {
    return new PlatformClientConfig(
        baseUrl, "v23.0", Duration.ofSeconds(2), Duration.ofSeconds(10), 256);
  }
}
