package dev.orderflow.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
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
  void aValueOlderThanTheRefreshIntervalIsReadAgain() {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    store.value = "{\"metaAppSecret\": \"s2\"}";
    clock.advance(Duration.ofMinutes(6));

    assertThat(secret.current()).isEqualTo("s2");
  }

  @Test
  void aFailedScheduledReadKeepsTheLastGoodValue() {
    store.value = "{\"metaAppSecret\": \"s1\"}";
    secret.current();
    store.value = null; // the secret was deleted
    clock.advance(Duration.ofMinutes(6));

    assertThat(secret.current()).isEqualTo("s1");
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
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
      reads.incrementAndGet();
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
