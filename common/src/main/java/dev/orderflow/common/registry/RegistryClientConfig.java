package dev.orderflow.common.registry;

import dev.orderflow.common.logging.Redact;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where the registry is, who the client is, whom it trusts, and how long one call may take.
 * Credentials written into the URL ({@code https://key:secret@host/…}) become basic auth and are
 * cut from {@link #baseUrl()}, so no log line or error that names the URL can carry them.
 *
 * @param baseUrl the Confluent API root: {@code http://host:8081} for Confluent's registry, {@code
 *     http://host:8081/apis/ccompat/v7} for Apicurio's
 * @param timeout bound on every call, so a dead registry fails fast instead of hanging a consumer
 * @param auth credentials sent with every call
 * @param tls a truststore replacing the JDK's default trust, if any
 */
public record RegistryClientConfig(
    String baseUrl, Duration timeout, RegistryAuth auth, Optional<RegistryTls> tls) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

  public RegistryClientConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException(
          "schema registry URL must be an absolute http(s) URL such as"
              + " http://127.0.0.1:8081/apis/ccompat/v7, got '"
              + Redact.urlCredentials(baseUrl)
              + "'");
    }
    if (!url.username().isEmpty()) {
      if (!(auth instanceof RegistryAuth.None)) {
        throw new IllegalArgumentException(
            "schema registry credentials are given twice: in the URL and as "
                + auth.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " auth");
      }
      auth = new RegistryAuth.Basic(url.username(), url.password());
      baseUrl = url.newBuilder().username("").password("").build().toString();
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "schema registry timeout must be between 1 ms and " + MAX_TIMEOUT + ", got " + timeout);
    }
  }

  /** No credentials beyond any in the URL, the JDK's trust. */
  public RegistryClientConfig(String baseUrl, Duration timeout) {
    this(baseUrl, timeout, RegistryAuth.none(), Optional.empty());
  }

  public static RegistryClientConfig of(String baseUrl) {
    return new RegistryClientConfig(baseUrl, DEFAULT_TIMEOUT);
  }

  public RegistryClientConfig withTimeout(Duration newTimeout) {
    return new RegistryClientConfig(baseUrl, newTimeout, auth, tls);
  }

  HttpUrl url() {
    return HttpUrl.get(baseUrl);
  }
}
