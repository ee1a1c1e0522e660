package dev.orderflow.sender.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads one JSON secret through {@code GetSecretValue}, maps it with the platform's reader and
 * holds it in a {@link CachedSecret}: sends read the held credentials without waiting or locking,
 * and every re-read (on the timer, after a refusal) runs in the background, one at a time.
 */
public final class SecretsManagerCredentialSource implements CredentialSource, AutoCloseable {
  /** The longest a caller holding refused credentials waits for the re-read it asked for. */
  static final Duration REFUSED_WAIT = Duration.ofSeconds(5);

  private static final Logger LOGGER =
      LoggerFactory.getLogger(SecretsManagerCredentialSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient secrets;
  private final String secretName;
  private final Function<JsonNode, Credentials> reader;
  private final CachedSecret<Credentials> cache;

  public SecretsManagerCredentialSource(
      SecretsManagerClient secrets,
      String secretName,
      Function<JsonNode, Credentials> reader,
      Duration refreshInterval,
      Clock clock) {
    this(secrets, secretName, reader, refreshInterval, clock, CachedSecret.Retries.standard());
  }

  public SecretsManagerCredentialSource(
      SecretsManagerClient secrets,
      String secretName,
      Function<JsonNode, Credentials> reader,
      Duration refreshInterval,
      Clock clock,
      CachedSecret.Retries retries) {
    this.secrets = secrets;
    this.secretName = secretName;
    this.reader = reader;
    this.cache = new CachedSecret<>(secretName, this::read, refreshInterval, clock, retries);
  }

  @Override
  public Credentials current() {
    return cache.current();
  }

  /**
   * Waits, parked and holding no lock, at most {@link #REFUSED_WAIT} for the shared re-read; every
   * other sender goes on with the held credentials meanwhile. A re-read that has not finished (or
   * failed) by then leaves the refused credentials as the answer.
   */
  @Override
  public Credentials refresh(Credentials rejected) {
    try {
      return cache.refresh(rejected).get(REFUSED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOGGER.warn(
          "credentials re-read not done secret={} error={}; going on with the held ones",
          secretName,
          e.toString());
    }
    Credentials held = cache.peek();
    return held == null ? rejected : held;
  }

  @Override
  public void close() {
    cache.close();
  }

  private Credentials read() {
    String text = secrets.getSecretValue(r -> r.secretId(secretName)).secretString();
    Credentials fresh;
    try {
      fresh = reader.apply(JSON.readTree(text));
    } catch (IOException e) {
      throw new IllegalStateException("secret " + secretName + " is not JSON", e);
    }
    Credentials before = cache.peek();
    if (before != null && !fresh.equals(before)) {
      LOGGER.info("credentials rotated secret={} account={}", secretName, fresh.accountId());
    }
    return fresh;
  }
}
