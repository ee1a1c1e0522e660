package dev.orderflow.sender.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sender.api.PlatformClientConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphTransportTest {
  private final MockWebServer server = new MockWebServer();
  private GraphTransport transport;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    transport = transportFor(base(server), Duration.ofSeconds(5), 8);
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  @Test
  void aPostGoesUnderTheApiVersionWithABearerTokenAndAJsonBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());

    GraphReply reply = transport.post(transport.url("106540", "messages"), "EAAG", "{\"a\":1}");

    assertThat(reply).isEqualTo(new GraphReply.Answered(200, "{\"ok\":true}"));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.getTarget()).isEqualTo("/v23.0/106540/messages");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAG");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"a\":1}");
  }

  @Test
  void anErrorStatusIsAnAnswerNotASuccess() {
    server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":{}}").build());

    GraphReply reply = transport.get(transport.url("me"), "EAAG");

    assertThat(reply)
        .isInstanceOfSatisfying(
            GraphReply.Answered.class,
            answered -> {
              assertThat(answered.status()).isEqualTo(400);
              assertThat(answered.successful()).isFalse();
            });
  }

  @Test
  void aResponseSlowerThanTheCallTimeoutIsNoResponseWithinTheBound() {
    // Given
    transport.close();
    transport = transportFor(base(server), Duration.ofMillis(300), 8);
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build());

    // When
    long started = System.nanoTime();
    GraphReply reply = transport.get(transport.url("me"), "EAAG");

    // Then
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(reply).isInstanceOf(GraphReply.NoResponse.class);
  }

  @Test
  void noAnswerAfterThePostWentOutIsPossiblySent() {
    // Given the server read the request and never answers in time
    transport.close();
    transport = transportFor(base(server), Duration.ofMillis(300), 8);
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build());

    GraphReply reply = transport.post(transport.url("1", "messages"), "EAAG", "{}");

    assertThat(reply)
        .isInstanceOfSatisfying(
            GraphReply.NoResponse.class, none -> assertThat(none.possiblySent()).isTrue());
  }

  @Test
  void aRefusedConnectionIsNoResponseNamingTheCause() throws IOException {
    // Given a port nothing listens on
    MockWebServer gone = new MockWebServer();
    gone.start(InetAddress.getLoopbackAddress(), 0);
    URI deadBase = base(gone);
    gone.close();
    transport.close();
    transport = transportFor(deadBase, Duration.ofSeconds(2), 8);

    GraphReply reply = transport.post(transport.url("1", "messages"), "EAAG", "{}");

    assertThat(reply)
        .isInstanceOfSatisfying(
            GraphReply.NoResponse.class,
            none -> {
              assertThat(none.reason()).contains("ConnectException");
              // never written, so certainly not sent: a retry cannot duplicate it
              assertThat(none.possiblySent()).isFalse();
            });
  }

  @Test
  void concurrentCallsBeyondTheConnectionCapQueueAndReuseTheCappedConnections() throws Exception {
    // Given a transport capped at 2 connections and slow answers, so that calls overlap
    transport.close();
    transport = transportFor(base(server), Duration.ofSeconds(5), 2);
    int calls = 6;
    for (int i = 0; i < calls; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(200)
              .body("{}")
              .headersDelay(150, TimeUnit.MILLISECONDS)
              .build());
    }

    // When six threads call at once
    List<GraphReply> replies = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(calls)) {
      List<Future<GraphReply>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(
            threads.submit(() -> transport.post(transport.url("1", "messages"), "EAAG", "{}")));
      }
      for (Future<GraphReply> future : futures) {
        replies.add(future.get(10, TimeUnit.SECONDS));
      }
    }

    // Then all were answered over no more than the two allowed connections
    assertThat(replies)
        .allSatisfy(
            reply ->
                assertThat(reply)
                    .isInstanceOfSatisfying(
                        GraphReply.Answered.class, a -> assertThat(a.successful()).isTrue()));
    Set<Integer> connections = new HashSet<>();
    for (int i = 0; i < calls; i++) {
      connections.add(server.takeRequest(1, TimeUnit.SECONDS).getConnectionIndex());
    }
    assertThat(connections).hasSizeBetween(1, 2);
  }

  private static URI base(MockWebServer server) {
    return URI.create(server.url("/").toString());
  }

  private static GraphTransport transportFor(URI base, Duration callTimeout, int connections) {
    return new GraphTransport(
        new PlatformClientConfig(base, "v23.0", Duration.ofSeconds(1), callTimeout, connections));
  }
}
