package dev.orderflow.sender.api;

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
      throw new IllegalArgumentException("baseUrl: expected an http(s) URL, got null");
    }
    if (apiVersion == null || !apiVersion.matches("v\\d+\\.\\d+")) {
      throw new IllegalArgumentException(
          "apiVersion: expected a Graph API version like v23.0, got " + apiVersion);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections: expected >= 1, got " + maxConnections);
    }
  }
}
