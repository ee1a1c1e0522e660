package dev.orderflow.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.config.OpsServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsHttpServerTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final HealthChecks live = new HealthChecks();
  private final HealthChecks ready = new HealthChecks();
  private Metrics metrics;
  private OpsHttpServer server;

  @BeforeEach
  void start() {
    metrics = Metrics.create("order-ingest", "test-1");
    server = OpsHttpServer.start(new OpsServerConfig("127.0.0.1", 0), metrics, live, ready);
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
    http.close();
  }

  @Test
  void metricsEndpointServesCountersInPrometheusText() throws Exception {
    metrics.registry().counter("orders.accepted", "source", "json").increment(3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body())
        .contains(
            "orders_accepted_total{instance=\"test-1\",service=\"order-ingest\",source=\"json\"} 3.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void readinessFlipsBetween200And503WithTheCheckNamed() throws Exception {
    // Given
    AtomicBoolean circuitClosed = new AtomicBoolean(true);
    ready.add("meta-circuit", circuitClosed::get).add("kafka", () -> true);

    // When / Then
    HttpResponse<String> up = get("/health/ready");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body())
        .isEqualTo("{\"checks\":{\"kafka\":\"UP\",\"meta-circuit\":\"UP\"},\"status\":\"UP\"}");

    circuitClosed.set(false);
    HttpResponse<String> down = get("/health/ready");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"meta-circuit\":\"DOWN\"", "\"status\":\"DOWN\"");

    circuitClosed.set(true);
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void checkThatThrowsCountsAsDown() throws Exception {
    live.add(
        "streams",
        () -> {
          throw new IllegalStateException("stream thread died");
        });

    HttpResponse<String> response = get("/health/live");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"streams\":\"DOWN\"");
  }

  @Test
  void livenessWithoutChecksIsUp() throws Exception {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathIs404AndWritesAre405() throws Exception {
    assertThat(get("/metricsx").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve("/health/ready"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void listensOnLoopbackByDefault() {
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = server.uri().resolve(path);
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
