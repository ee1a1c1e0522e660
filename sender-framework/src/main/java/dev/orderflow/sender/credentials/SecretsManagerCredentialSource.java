package dev.orderflow.sender.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sender.api.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads one JSON secret through {@code GetSecretValue} and maps it with the platform's reader.
 * Hand-written rather than a Caffeine cache because the one rule a cache does not give us is "a
 * forced refresh by many threads holding the same rejected token is a single read".
 */
public final class SecretsManagerCredentialSource implements CredentialSource {
  private static final Logger LOGGER =
      LoggerFactory.getLogger(SecretsManagerCredentialSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient secrets;
  private final String secretName;
  private final Function<JsonNode, Credentials> reader;
  private final Duration refreshInterval;
  private final Clock clock;
  private Credentials cached;
  private Instant readAt = Instant.MIN;

  public SecretsManagerCredentialSource(
      SecretsManagerClient secrets,
      String secretName,
      Function<JsonNode, Credentials> reader,
      Duration refreshInterval,
      Clock clock) {
    this.secrets = secrets;
    this.secretName = secretName;
    this.reader = reader;
    this.refreshInterval = refreshInterval;
    this.clock = clock;
  }

  @Override
  public synchronized Credentials current() {
    if (cached == null) {
      return read();
    }
    if (clock.instant().isAfter(readAt.plus(refreshInterval))) {
      try {
        return read();
      } catch (RuntimeException e) {
        LOGGER.warn(
            "scheduled secret re-read failed secret={}; keeping cached credentials", secretName, e);
        readAt = clock.instant();
      }
    }
    return cached;
  }

  @Override
  public synchronized Credentials refresh(Credentials rejected) {
    if (cached != null && !cached.equals(rejected)) {
      return cached;
    }
    return read();
  }

  private Credentials read() {
    String text = secrets.getSecretValue(r -> r.secretId(secretName)).secretString();
    try {
      Credentials fresh = reader.apply(JSON.readTree(text));
      if (cached != null && !fresh.equals(cached)) {
        LOGGER.info("credentials rotated secret={} account={}", secretName, fresh.accountId());
      }
      cached = fresh;
      readAt = clock.instant();
      return fresh;
    } catch (IOException e) {
      throw new IllegalStateException("secret " + secretName + " is not JSON", e);
    }
  }
}
