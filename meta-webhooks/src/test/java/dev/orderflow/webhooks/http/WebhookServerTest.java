package dev.orderflow.webhooks.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.webhooks.receive.WebhookMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One real Jetty for the class (a 1 KiB body limit, one request at a time, four queued), and one
 * without a queue for the 503 test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private volatile CountDownLatch release = new CountDownLatch(1);
  private volatile CountDownLatch entered = new CountDownLatch(1);
  private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastSignature = new AtomicReference<>();
  private final AtomicReference<Map<String, String>> lastQuery = new AtomicReference<>();
  private volatile boolean block;
  private WebhookServer server;

  private final WebhookEndpoint endpoint =
      new WebhookEndpoint() {
        @Override
        public Answer handshake(Map<String, String> query) {
          lastQuery.set(query);
          return Answer.ok(query.getOrDefault("hub.challenge", ""));
        }

        @Override
        public Answer deliver(String signature, byte[] body) {
          lastSignature.set(signature);
          lastBody.set(body);
          if (block) {
            entered.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return Answer.ok("EVENT_RECEIVED");
        }
      };

  @BeforeAll
  void start() throws Exception {
    // One request at a time, and a queue: the slot a request held is freed just after its answer
    // is written, so a client's next request may arrive first and must wait, not be refused.
    server = startServer(4);
  }

  /** One request handled at a time, {@code maxQueued} waiting up to 200 ms, 1 KiB bodies. */
  private WebhookServer startServer(int maxQueued) throws Exception {
    HttpConfig config =
        new HttpConfig(
            "127.0.0.1",
            0,
            "/webhooks/meta",
            1024,
            1,
            maxQueued,
            Duration.ofMillis(200),
            Duration.ofSeconds(30));
    WebhookServer started =
        WebhookServer.create(config, endpoint, new WebhookMetrics(new SimpleMeterRegistry()));
    started.start();
    return started;
  }

  @BeforeEach
  void reset() {
    block = false;
    release = new CountDownLatch(1);
    entered = new CountDownLatch(1);
    lastBody.set(null);
  }

  @AfterAll
  void stop() {
    release.countDown();
    server.close();
  }

  @Test
  void thePostedBytesAndSignatureReachTheEndpointUnchanged() throws Exception {
    byte[] body = "{ \"object\" : \"instagram\" ,\n \"entry\": [] }".getBytes();

    HttpResponse<String> response =
        HTTP.send(
            post(body).header("X-Hub-Signature-256", "sha256=abc").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("EVENT_RECEIVED");
    assertThat(lastBody.get()).isEqualTo(body);
    assertThat(lastSignature.get()).isEqualTo("sha256=abc");
  }

  @Test
  void theHandshakeGetsTheDecodedQuery() throws Exception {

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    uri("?hub.mode=subscribe&hub.verify_token=a%20b&hub.challenge=42"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("42");
    assertThat(lastQuery.get()).containsEntry("hub.verify_token", "a b");
  }

  @Test
  void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrChunked() throws Exception {
    byte[] big = new byte[2048];

    HttpResponse<String> declared =
        HTTP.send(post(big).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> chunked =
        HTTP.send(
            HttpRequest.newBuilder(uri(""))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(lastBody.get()).isNull();
  }

  @Test
  void otherPathsAre404AndOtherMethods405() throws Exception {

    HttpResponse<String> otherPath =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.uri() + "/elsewhere")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(uri("")).PUT(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(otherPath.statusCode()).isEqualTo(404);
    assertThat(put.statusCode()).isEqualTo(405);
  }

  @Test
  void beyondTheConcurrencyLimitAndAnEmptyQueueARequestIs503AtOnce() throws Exception {
    // Given one request in progress, and no queue
    try (WebhookServer unqueued = startServer(0)) {
      URI uri = URI.create(unqueued.uri() + "/webhooks/meta");
      block = true;
      CompletableFuture<HttpResponse<String>> first =
          HTTP.sendAsync(post(uri, new byte[] {'{', '}'}), HttpResponse.BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      // When
      HttpResponse<String> second =
          HTTP.send(post(uri, new byte[] {'{', '}'}), HttpResponse.BodyHandlers.ofString());

      // Then
      assertThat(second.statusCode()).isEqualTo(503);
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
  }

  private URI uri(String query) {
    return URI.create(server.uri() + "/webhooks/meta" + query);
  }

  private HttpRequest.Builder post(byte[] body) {
    return HttpRequest.newBuilder(uri("")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private static HttpRequest post(URI uri, byte[] body) {
    return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }
}
