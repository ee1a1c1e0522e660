package dev.orderflow.common.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials reach the registry on every call, and never the URL a message could print. */
class RegistryAuthTest {
  private static final String SECRET = "s3cr3t-Pa55";
  private static final String SCHEMA_BODY = "{\"schema\":\"\\\"string\\\"\"}";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void basicAuthIsSentOnEveryCall() throws Exception {
    // Given
    var config = config(base(), new RegistryAuth.Basic("api-key", SECRET));
    answer(200, SCHEMA_BODY);

    // When
    try (var client = new SchemaRegistryClient(config)) {
      client.schemaById(1);
    }

    // Then
    assertThat(taken().getHeaders().get("Authorization"))
        .isEqualTo("Basic " + base64("api-key:" + SECRET));
  }

  @Test
  void aBearerTokenIsSentAsSuch() throws Exception {
    var config = config(base(), new RegistryAuth.Bearer("tok-123"));
    answer(200, SCHEMA_BODY);

    try (var client = new SchemaRegistryClient(config)) {
      client.schemaById(1);
    }

    assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
  }

  @Test
  void credentialsInTheUrlBecomeBasicAuthAndLeaveTheUrl() throws Exception {
    // Given
    String withCredentials = base().replace("http://", "http://api-key:" + SECRET + "@");
    var config = RegistryClientConfig.of(withCredentials);
    answer(404, "{\"error_code\":40403,\"message\":\"Schema 7 not found.\"}");

    // When
    Throwable failure;
    try (var client = new SchemaRegistryClient(config)) {
      failure = org.assertj.core.api.Assertions.catchThrowable(() -> client.schemaById(7));
    }

    // Then
    assertThat(config.baseUrl()).doesNotContain(SECRET).doesNotContain("api-key");
    assertThat(config.auth()).isEqualTo(new RegistryAuth.Basic("api-key", SECRET));
    assertThat(config.toString()).doesNotContain(SECRET);
    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo("Basic " + base64("api-key:" + SECRET));
    assertThat(failure)
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("answered 404")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void credentialsGivenTwiceAreRefused() {
    String withCredentials = base().replace("http://", "http://u:p@");

    assertThatThrownBy(() -> config(withCredentials, new RegistryAuth.Bearer("t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schema registry credentials are given twice: in the URL and as bearer auth");
  }

  @Test
  void aMalformedUrlIsNamedWithoutItsCredentials() {
    assertThatThrownBy(() -> RegistryClientConfig.of("https://u:" + SECRET + "@host:99999/x"))
        .hasMessageContaining("got 'https://****@host:99999/x'")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void secretsNeverAppearInToString() {
    assertThat(new RegistryAuth.Basic("u", SECRET).toString()).doesNotContain(SECRET);
    assertThat(new RegistryAuth.Bearer(SECRET).toString()).doesNotContain(SECRET);
  }

  private String base() {
    return server.url("/apis/ccompat/v7").toString();
  }

  private static RegistryClientConfig config(String base, RegistryAuth auth) {
    return new RegistryClientConfig(base, Duration.ofSeconds(2), auth, Optional.empty());
  }

  private void answer(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(2, TimeUnit.SECONDS);
  }

  private static String base64(String text) {
    return Base64.getEncoder()
        .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
