package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.credentials.SecretsManagerCredentialSource;
import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Credentials through the real AWS SDK against the local Secrets Manager. */
class SecretsManagerCredentialSourceIT {
  private final SecretsManagerClient secrets = LocalAws.secrets();
  private final String name = "it/meta-" + UUID.randomUUID();
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final SecretsManagerCredentialSource source =
      new SecretsManagerCredentialSource(
          secrets,
          name,
          json ->
              new Credentials(
                  json.path("whatsapp").path("token").asText(),
                  json.path("whatsapp").path("phoneNumberId").asText()),
          Duration.ofMinutes(5),
          clock);

  @AfterEach
  void close() {
    source.close();
    secrets.close();
  }

  @Test
  void credentialsAreCachedThenReReadOnARefreshAndOnTheTimer() {
    // Given a secret
    secrets.createSecret(r -> r.name(name).secretString(secret("token-1")));
    assertThat(source.current()).isEqualTo(new Credentials("token-1", "1055"));

    // When it is rotated, the cache still answers until a refresh
    secrets.putSecretValue(r -> r.secretId(name).secretString(secret("token-2")));
    assertThat(source.current().token()).isEqualTo("token-1");
    Credentials rejected = source.current();
    assertThat(source.refresh(rejected).token()).isEqualTo("token-2");

    // And a second holder of the old token gets the new one without another read
    assertThat(source.refresh(rejected).token()).isEqualTo("token-2");

    // And the timer picks up the next rotation by itself, in the background: the read that finds
    // the credentials stale still answers the held ones, and a later read the new ones
    secrets.putSecretValue(r -> r.secretId(name).secretString(secret("token-3")));
    clock.advance(Duration.ofMinutes(6));
    assertThat(source.current().token()).isEqualTo("token-2");
    await().untilAsserted(() -> assertThat(source.current().token()).isEqualTo("token-3"));
  }

  private static String secret(String token) {
    return "{\"whatsapp\":{\"token\":\"" + token + "\",\"phoneNumberId\":\"1055\"}}";
  }
}
