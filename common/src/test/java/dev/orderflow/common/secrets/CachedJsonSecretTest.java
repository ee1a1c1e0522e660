package dev.orderflow.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class CachedJsonSecretTest {
  private final StoredSecret store = new StoredSecret();
  private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
  private final CachedJsonSecret<String> secret =
      new CachedJsonSecret<>(
          store,
          "orderflow/test/meta-credentials",
          json -> SecretFields.required(json, "metaAppSecret"),
          Duration.ofMinutes(5),
          Duration.ofSeconds(30),
          clock);

  @Test
  void theFirstCallReadsAndLaterCallsWithinTheIntervalUseTheCache() {
    store.value = "{\"metaAppSecret\": \"s1\"}";

    assertThat(secret.current()).isEqualTo("s1");
    store.value = "{\"metaAppSecret\": \"s2\"}";
    clock.advance(Duration.ofMinutes(4));

    assertThat(secret.current()).isEqualTo("s1");
    assertThat(store.reads.get()).isEqualTo(1);
  }

  @Test
  void aValueOlderThanTheRefreshIntervalIsReadAgainInTheBackground() {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    store.value = "{\"metaAppSecret\": \"s2\"}";
    clock.advance(Duration.ofMinutes(6));

    assertThat(secret.current()).as("the old value until the re-read is done").isEqualTo("s1");
    await().atMost(Duration.ofSeconds(5)).until(() -> secret.current().equals("s2"));
    assertThat(store.reads.get()).isEqualTo(2);
  }

  @Test
  void aFailedScheduledReadKeepsTheLastGoodValue() {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    store.value = null; // the secret was deleted
    clock.advance(Duration.ofMinutes(6));

    assertThat(secret.current()).isEqualTo("s1");
    await().atMost(Duration.ofSeconds(5)).until(() -> store.reads.get() == 2);
    assertThat(secret.current()).isEqualTo("s1");
  }

  @Test
  void aReadDoesNotWaitOnAHangingFetchOnceAValueExists() throws Exception {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    store.hang = new CountDownLatch(1);
    clock.advance(Duration.ofMinutes(6));
    try {
      assertThat(secret.current()).isEqualTo("s1");
      await().atMost(Duration.ofSeconds(5)).until(() -> store.hanging.get() == 1);

      // Many callers while the background read hangs: each answers at once, none starts a read.
      CompletableFuture<?>[] callers = new CompletableFuture<?>[50];
      for (int i = 0; i < callers.length; i++) {
        callers[i] =
            CompletableFuture.supplyAsync(secret::current, r -> Thread.ofVirtual().start(r));
      }
      CompletableFuture.allOf(callers).get(5, TimeUnit.SECONDS);
      for (CompletableFuture<?> caller : callers) {
        assertThat(caller.join()).isEqualTo("s1");
      }
      assertThat(store.reads.get()).as("one read in flight at a time").isEqualTo(2);
    } finally {
      store.hang.countDown();
    }
  }

  @Test
  void withoutAnyGoodValueTheErrorNamesTheSecretAndTheField() {
    store.value = "{\"whatsappToken\": \"t\"}";

    assertThatThrownBy(secret::current)
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessageContaining("orderflow/test/meta-credentials")
        .hasMessageContaining("metaAppSecret: expected a non-empty string")
        .hasMessageNotContaining("\"t\"");
  }

  @Test
  void anOnDemandRereadReturnsTheRotatedValueButIsRateLimited() {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    store.value = "{\"metaAppSecret\": \"s2\"}";
    clock.advance(Duration.ofSeconds(31));

    assertThat(secret.rereadIfChanged()).contains("s2");
    assertThat(secret.current()).isEqualTo("s2");

    store.value = "{\"metaAppSecret\": \"s3\"}";
    clock.advance(Duration.ofSeconds(10));
    assertThat(secret.rereadIfChanged()).as("within 30 s of the last read").isEmpty();
    assertThat(store.reads.get()).isEqualTo(2);
  }

  @Test
  void anOnDemandRereadOfAnUnchangedSecretIsEmpty() {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    clock.advance(Duration.ofMinutes(1));

    assertThat(secret.rereadIfChanged()).isEmpty();
    assertThat(store.reads.get()).isEqualTo(2);
  }

  /** Serves one secret string; null means the secret does not exist. */
  private static final class StoredSecret implements SecretsManagerClient {
    volatile String value;
    volatile CountDownLatch hang;
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger hanging = new AtomicInteger();

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
      reads.incrementAndGet();
      CountDownLatch latch = hang;
      if (latch != null) {
        hanging.incrementAndGet();
        try {
          latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (value == null) {
        throw ResourceNotFoundException.builder().message("no such secret").build();
      }
      return GetSecretValueResponse.builder().name(request.secretId()).secretString(value).build();
    }

    @Override
    public String serviceName() {
      return "secretsmanager";
    }

    @Override
    public void close() {}
  }
}
