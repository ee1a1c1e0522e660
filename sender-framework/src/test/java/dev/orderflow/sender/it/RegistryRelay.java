package dev.orderflow.sender.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/**
 * An HTTP relay in front of the real schema registry that a test can break: while down it answers
 * every call 503, as a registry behind a load balancer does when it has no healthy instance.
 */
final class RegistryRelay implements AutoCloseable {
  private final URI registry;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private volatile boolean down;

  RegistryRelay(URI registry) throws IOException {
    this.registry = registry;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::relay);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** The registry's URL through this relay (same path). */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + registry.getPath();
  }

  void down() {
    down = true;
  }

  void up() {
    down = false;
  }

  private void relay(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (down) {
        answer(exchange, 503, "{\"error_code\":50301,\"message\":\"no healthy upstream\"}");
        return;
      }
      URI target = registry.resolve(exchange.getRequestURI().getRawPath());
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target)
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      answer(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    client.close();
  }
}
