package dev.orderflow.common.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.common.config.OpsServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's operations endpoint: {@code GET /metrics} (Prometheus text), {@code GET
 * /health/live} and {@code GET /health/ready} (200 when up, 503 when down, with a JSON body naming
 * each check's state and, under {@code reasons}, why a down check is down when it can say). The
 * JDK's HTTP server is plenty for a scrape every few seconds; each request runs on a virtual
 * thread.
 */
public final class OpsHttpServer implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(OpsHttpServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static OpsHttpServer start(
      OpsServerConfig config, Metrics metrics, HealthChecks live, HealthChecks ready) {
    InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    Map<String, Route> routes =
        Map.of(
            "/metrics", () -> new Response(200, PROMETHEUS_TEXT, metrics.scrape()),
            "/health/live", () -> health(live.run()),
            "/health/ready", () -> health(ready.run()));
    server.createContext("/", exchange -> serve(exchange, routes));
    server.start();
    OpsHttpServer ops = new OpsHttpServer(server, executor);
    LOGGER.info("ops endpoint listening url={}", ops.uri());
    return ops;
  }

  /** Where it listens, with the real port when the configured one was 0. */
  public URI uri() {
    InetSocketAddress bound = server.getAddress();
    return URI.create("http://" + bound.getHostString() + ":" + bound.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private interface Route {
    Response respond() throws IOException;
  }

  private record Response(int status, String contentType, String body) {}

  private static Response health(HealthReport report) throws IOException {
    Map<String, Object> body = new TreeMap<>();
    body.put("status", report.up() ? "UP" : "DOWN");
    body.put("checks", new TreeMap<>(report.checks()));
    if (!report.reasons().isEmpty()) {
      body.put("reasons", new TreeMap<>(report.reasons()));
    }
    return new Response(report.up() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
  }

  private static void serve(HttpExchange exchange, Map<String, Route> routes) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      send(exchange, respond(routes.get(path), method, path), method.equals("HEAD"));
    }
  }

  private static Response respond(Route route, String method, String path) {
    if (route == null) {
      return new Response(404, "text/plain", "not found\n");
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return new Response(405, "text/plain", "use GET\n");
    }
    try {
      return route.respond();
    } catch (Exception e) {
      LOGGER.warn("ops request failed path={} error={}", path, e.toString());
      return new Response(500, "text/plain", "internal error\n");
    }
  }

  private static void send(HttpExchange exchange, Response response, boolean headOnly)
      throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(response.status(), headOnly ? -1 : body.length);
    if (!headOnly) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
