package dev.orderflow.sender.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.fakes.FakeSleeper;
import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class SecretsManagerCredentialSourceTest {
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final HangingSecrets secrets = new HangingSecrets();
  private final SecretsManagerCredentialSource source =
      new SecretsManagerCredentialSource(
          secrets,
          "orderflow/test/meta",
          json -> new Credentials(json.path("token").asText(), "1055"),
          Duration.ofMinutes(5),
          clock,
          new CachedSecret.Retries(
              Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)),
              new FakeSleeper(clock),
              () -> {}));

  @AfterEach
  void close() {
    secrets.release();
    source.close();
  }

  @Test
  void sendsReadTheHeldTokenAtOnceWhileTheScheduledReReadHangsInSecretsManager() {
    // Given credentials read once, then stale, and Secrets Manager hanging
    assertThat(source.current().token()).isEqualTo("token-1");
    clock.advance(Duration.ofMinutes(6));
    secrets.rotateTo("token-2");
    secrets.hang();

    // When the first send after the interval starts the re-read, and others follow
    CompletableFuture<Credentials> first = CompletableFuture.supplyAsync(source::current);
    CompletableFuture<Credentials> second = CompletableFuture.supplyAsync(source::current);

    // Then no send waits for Secrets Manager: each goes on with the held token
    assertThat(first).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(credentials("token-1"));
    assertThat(second).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(credentials("token-1"));
  }

  @Test
  void aRefusedTokenIsReplacedByOneReadSharedByItsHolders() throws Exception {
    // Given credentials read once, then rotated in Secrets Manager, which is slow to answer
    Credentials refused = source.current();
    secrets.rotateTo("token-2");
    secrets.hang();

    // When two senders whose token was refused ask for a refresh
    CompletableFuture<Credentials> one =
        CompletableFuture.supplyAsync(() -> source.refresh(refused));
    CompletableFuture<Credentials> two =
        CompletableFuture.supplyAsync(() -> source.refresh(refused));

    // Then a send not refused still gets the held token at once
    assertThat(CompletableFuture.supplyAsync(source::current))
        .succeedsWithin(Duration.ofSeconds(5))
        .isEqualTo(refused);

    // And both refused ones get the new token from a single read
    secrets.release();
    assertThat(one).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(credentials("token-2"));
    assertThat(two).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(credentials("token-2"));
    assertThat(secrets.reads()).isEqualTo(2);
  }

  private static Credentials credentials(String token) {
    return new Credentials(token, "1055");
  }

  /** Secrets Manager answering one JSON secret; every read can be made to hang. */
  private static final class HangingSecrets implements SecretsManagerClient {
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String token = "token-1";
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void rotateTo(String next) {
      token = next;
    }

    void hang() {
      gate = new CountDownLatch(1);
    }

    void release() {
      gate.countDown();
    }

    int reads() {
      return reads.get();
    }

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
      reads.incrementAndGet();
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test never released Secrets Manager");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return GetSecretValueResponse.builder()
          .name(request.secretId())
          .secretString("{\"token\":\"" + token + "\"}")
          .build();
    }

    @Override
    public String serviceName() {
      return "secretsmanager";
    }

    @Override
    public void close() {}
  }
}
