package dev.orderflow.common.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One JSON secret read through {@code GetSecretValue} and mapped by a reader, cached, re-read in
 * the background when older than the refresh interval, and re-read on demand (say, when a value it
 * holds was just refused) at most once per {@code minRereadInterval}, so that callers who cannot
 * tell a stale secret from an attacker's bad input cannot make it hammer Secrets Manager.
 *
 * <p>No lock is held across a read (a virtual thread blocked in {@code synchronized} pins its
 * carrier on Java 21, and every webhook reads this): the value is an immutable snapshot in an
 * {@link AtomicReference}. Once a value exists {@link #current()} never waits; a stale value starts
 * one background read on a virtual thread (others asking meanwhile join it) and stays in use until
 * that read succeeds. Only the very first read, with nothing to fall back on, is waited for.
 *
 * <p>Hand-written rather than a Caffeine cache because the rules a cache does not give are "keep
 * the last good value when a scheduled read fails" and "on-demand reads are rate-limited".
 */
public final class CachedJsonSecret<T> {
  private static final Logger LOGGER = LoggerFactory.getLogger(CachedJsonSecret.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Snapshot<T>(T value, Instant readAt) {}

  private final SecretsManagerClient secrets;
  private final String name;
  private final Function<JsonNode, T> reader;
  private final Duration refreshInterval;
  private final Duration minRereadInterval;
  private final Clock clock;
  private final AtomicReference<Snapshot<T>> snapshot = new AtomicReference<>();
  private final AtomicReference<CompletableFuture<T>> inFlight = new AtomicReference<>();
  private final AtomicReference<Instant> triedAt = new AtomicReference<>(Instant.MIN);

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
   * The cached value, at once; a value older than the refresh interval also starts a background
   * re-read (one at a time). A failed scheduled re-read keeps the cached value and is tried again
   * after the interval. Waits only when no value was ever read.
   *
   * @throws SecretUnavailableException when there is no value and reading fails
   */
  public T current() {
    Snapshot<T> held = snapshot.get();
    if (held == null) {
      return awaitFirst(request());
    }
    if (clock.instant().isAfter(held.readAt().plus(refreshInterval))) {
      request();
    }
    return held.value();
  }

  /**
   * Re-reads now, on the caller's thread and under no lock, unless the last attempt is younger than
   * {@code minRereadInterval} (then, or when another caller won the same slot, empty at once); the
   * new value when it differs from the one held, else empty. Never throws: a failed read keeps the
   * old value.
   */
  public Optional<T> rereadIfChanged() {
    Instant now = clock.instant();
    Instant last = triedAt.get();
    if (now.isBefore(last.plus(minRereadInterval)) || !triedAt.compareAndSet(last, now)) {
      return Optional.empty();
    }
    Snapshot<T> before = snapshot.get();
    try {
      T fresh = read();
      return before != null && fresh.equals(before.value()) ? Optional.empty() : Optional.of(fresh);
    } catch (RuntimeException e) {
      LOGGER.warn("on-demand secret re-read failed secret={} error={}", name, e.toString());
      return Optional.empty();
    }
  }

  private CompletableFuture<T> request() {
    while (true) {
      CompletableFuture<T> running = inFlight.get();
      if (running != null) {
        return running;
      }
      CompletableFuture<T> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        Thread.ofVirtual().name("secret-read-" + name).start(() -> readInBackground(mine));
        return mine;
      }
    }
  }

  private void readInBackground(CompletableFuture<T> mine) {
    try {
      T fresh = read();
      // Cleared before completing, so a waiter refused again starts a new read.
      inFlight.set(null);
      mine.complete(fresh);
    } catch (RuntimeException e) {
      Snapshot<T> held = snapshot.get();
      if (held != null) {
        LOGGER.warn("scheduled secret re-read failed secret={} error={}", name, e.toString());
        // Kept, and tried again once the interval has passed anew.
        snapshot.compareAndSet(held, new Snapshot<>(held.value(), clock.instant()));
      }
      inFlight.set(null);
      mine.completeExceptionally(e);
    }
  }

  private T awaitFirst(CompletableFuture<T> first) {
    try {
      return first.join();
    } catch (CompletionException e) {
      Snapshot<T> held = snapshot.get();
      if (held != null) {
        // Someone else's read succeeded meanwhile.
        return held.value();
      }
      throw new SecretUnavailableException(name, e.getCause() == null ? e : e.getCause());
    }
  }

  private T read() {
    triedAt.set(clock.instant());
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
    Snapshot<T> before = snapshot.getAndSet(new Snapshot<>(fresh, clock.instant()));
    if (before != null && !fresh.equals(before.value())) {
      LOGGER.info("secret rotated secret={}", name);
    }
    return fresh;
  }
}
