package dev.orderflow.common.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One JSON secret read through {@code GetSecretValue} and mapped by a reader, cached, re-read when
 * older than the refresh interval, and re-read on demand (say, when a value it holds was just
 * refused) at most once per {@code minRereadInterval}, so that callers who cannot tell a stale
 * secret from an attacker's bad input cannot make it hammer Secrets Manager.
 *
 * <p>Hand-written rather than a Caffeine cache because the rules a cache does not give are "keep
 * the last good value when a scheduled read fails" and "on-demand reads are rate-limited".
 */
public final class CachedJsonSecret<T> {
  private static final Logger LOGGER = LoggerFactory.getLogger(CachedJsonSecret.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient secrets;
  private final String name;
  private final Function<JsonNode, T> reader;
  private final Duration refreshInterval;
  private final Duration minRereadInterval;
  private final Clock clock;
  private T cached;
  private Instant readAt = Instant.MIN;
  private Instant triedAt = Instant.MIN;

  /**
   * @param reader maps the secret's JSON, throwing IllegalArgumentException naming a bad field
   */
  public CachedJsonSecret(
      SecretsManagerClient secrets,
      String name,
      Function<JsonNode, T> reader,
      Duration refreshInterval,
      Duration minRereadInterval,
      Clock clock) {
    this.secrets = secrets;
    this.name = name;
    this.reader = reader;
    this.refreshInterval = refreshInterval;
    this.minRereadInterval = minRereadInterval;
    this.clock = clock;
  }

  public String name() {
    return name;
  }

  /**
   * The cached value, read first when there is none or it is older than the refresh interval. A
   * failed scheduled re-read keeps the cached value (and is tried again after the interval).
   *
   * @throws SecretUnavailableException when there is no value and reading fails
   */
  public synchronized T current() {
    if (cached == null) {
      return readOrThrow();
    }
    if (clock.instant().isAfter(readAt.plus(refreshInterval))) {
      try {
        return read();
      } catch (RuntimeException e) {
        LOGGER.warn("scheduled secret re-read failed secret={} error={}", name, e.toString());
        readAt = clock.instant();
      }
    }
    return cached;
  }

  /**
   * Re-reads now unless the last attempt is younger than {@code minRereadInterval}; the new value
   * when it differs from the one held, else empty. Never throws: a failed read keeps the old value.
   */
  public synchronized Optional<T> rereadIfChanged() {
    if (clock.instant().isBefore(triedAt.plus(minRereadInterval))) {
      return Optional.empty();
    }
    T before = cached;
    try {
      T fresh = read();
      return fresh.equals(before) ? Optional.empty() : Optional.of(fresh);
    } catch (RuntimeException e) {
      LOGGER.warn("on-demand secret re-read failed secret={} error={}", name, e.toString());
      return Optional.empty();
    }
  }

  private T readOrThrow() {
    try {
      return read();
    } catch (RuntimeException e) {
      throw new SecretUnavailableException(name, e);
    }
  }

  private T read() {
    triedAt = clock.instant();
    String text = secrets.getSecretValue(r -> r.secretId(name)).secretString();
    T fresh;
    try {
      fresh = reader.apply(JSON.readTree(text == null ? "" : text));
    } catch (IOException e) {
      throw new IllegalArgumentException("secret " + name + " is not JSON");
    }
    if (fresh == null) {
      throw new IllegalArgumentException("secret " + name + " is empty");
    }
    if (cached != null && !fresh.equals(cached)) {
      LOGGER.info("secret rotated secret={}", name);
    }
    cached = fresh;
    readAt = clock.instant();
    return fresh;
  }
}
