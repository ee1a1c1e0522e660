package dev.orderflow.common.registry;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Where the registry is and how long one call may take, connect to last byte.
 *
 * @param baseUrl the Confluent API root: {@code http://host:8081} for Confluent's registry, {@code
 *     http://host:8081/apis/ccompat/v7} for Apicurio's
 * @param timeout bound on every call, so a dead registry fails fast instead of hanging a consumer
 */
public record RegistryClientConfig(String baseUrl, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

  public RegistryClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    if (HttpUrl.parse(baseUrl) == null) {
      throw new IllegalArgumentException(
          "schema registry URL must be an absolute http(s) URL such as"
              + " http://127.0.0.1:8081/apis/ccompat/v7, got '"
              + baseUrl
              + "'");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "schema registry timeout must be between 1 ms and " + MAX_TIMEOUT + ", got " + timeout);
    }
  }

  public static RegistryClientConfig of(String baseUrl) {
    return new RegistryClientConfig(baseUrl, DEFAULT_TIMEOUT);
  }

  HttpUrl url() {
    return HttpUrl.get(baseUrl);
  }
}
