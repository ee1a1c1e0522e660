package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code /{version}/…}: path, latency, token and account checks, the cheap GET
 * probes, and dispatch of send calls to the owning platform's endpoint.
 */
final class GraphEndpoint implements HttpHandler {

  private static final Logger LOGGER = LoggerFactory.getLogger(GraphEndpoint.class);
  private static final String BEARER = "bearer ";

  private final SimulatorState state;
  private final Map<Platform, MessageEndpoint> senders;

  GraphEndpoint(SimulatorState state, Map<Platform, MessageEndpoint> senders) {
    this.state = state;
    this.senders = senders;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      write(exchange, answer(exchange));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the simulator is closing
    }
  }

  private Reply answer(HttpExchange exchange) throws IOException, InterruptedException {
    byte[] body = HttpIo.readBody(exchange);
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getPath();
    Optional<GraphPath> parsed = GraphPath.parse(rawPath);
    if (parsed.isEmpty()) {
      return failure(2500, "Unknown path components: " + rawPath, null);
    }
    GraphPath path = parsed.get();
    SimulatorSettings settings = state.settings();
    Platform owner = settings.owner(path.objectId()).orElse(null);
    String token = bearerToken(exchange);
    Platform tokenOwner = token == null ? null : settings.tokenOwner(token).orElse(null);
    pause(state, settings, owner != null ? owner : tokenOwner);
    if (tokenOwner == null || owner != null && owner != tokenOwner) {
      return new Reply.Failure(invalidToken(token), owner != null ? owner : tokenOwner);
    }
    try {
      return route(new GraphCall(method, path, token, body), owner, tokenOwner);
    } catch (GraphException e) {
      return new Reply.Failure(e.error(), tokenOwner);
    } catch (RuntimeException e) {
      LOGGER.warn("simulator failed on {} {}", method, rawPath, e);
      GraphError bug = GraphError.of(1, "The simulator failed: " + e).withStatus(500);
      return new Reply.Failure(bug, tokenOwner);
    }
  }

  private Reply route(GraphCall call, Platform owner, Platform tokenOwner)
      throws InterruptedException {
    String method = call.method();
    GraphPath path = call.path();
    if (path.objectId().equals("me")) {
      return me(method, path, tokenOwner);
    }
    if (owner == null) {
      return noSuchObject(method, path.objectId(), tokenOwner);
    }
    if (path.edge() == null) {
      return method.equals("GET")
          ? new Reply.Ok(Map.of("id", path.objectId()))
          : noSuchObject(method, path.objectId(), owner);
    }
    if (!path.edge().equals("messages")) {
      return failure(100, "Tried accessing nonexisting field (" + path.edge() + ")", owner);
    }
    if (!method.equals("POST")) {
      return noSuchObject(method, path.objectId() + "/messages", owner);
    }
    JsonNode json = parseBody(call.body());
    return senders.get(owner).send(new SendRequest(path.objectId(), call.token(), json));
  }

  /** {@code me} is the token's owner: fine for a probe, never for sending (notes B2). */
  private Reply me(String method, GraphPath path, Platform tokenOwner) {
    if (method.equals("GET") && path.edge() == null) {
      String id =
          tokenOwner == Platform.INSTAGRAM
              ? state.settings().instagram().accountIds().getFirst()
              : "system-user";
      return new Reply.Ok(Map.of("id", id));
    }
    return noSuchObject(method, "me", tokenOwner);
  }

  private static Reply noSuchObject(String method, String id, Platform platform) {
    String details =
        "Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due to"
                .formatted(method.toLowerCase(Locale.ROOT), id)
            + " missing permissions, or does not support this operation";
    return new Reply.Failure(GraphError.of(100, 33, details), platform);
  }

  private static JsonNode parseBody(byte[] body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      if (json != null && json.isObject()) {
        return json;
      }
    } catch (IOException e) {
      // answered below, like any other body that is not a JSON object
    }
    throw GraphException.invalid(100, "The request body must be a JSON object");
  }

  private static String bearerToken(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
  }

  private static GraphError invalidToken(String token) {
    return GraphError.of(
        190,
        token == null
            ? "An access token is required: send Authorization: Bearer <token>"
            : "Error validating access token: the token is invalid or not valid for this account");
  }

  private static void pause(SimulatorState state, SimulatorSettings settings, Platform platform)
      throws InterruptedException {
    if (platform == null) {
      return;
    }
    PlatformSettings latency = settings.of(platform);
    long jitter =
        latency.jitterMs() == 0 ? 0 : ThreadLocalRandom.current().nextLong(latency.jitterMs() + 1);
    long millis = latency.latencyMs() + jitter;
    if (millis > 0) {
      state.pause(Duration.ofMillis(millis));
    }
  }

  private record GraphCall(String method, GraphPath path, String token, byte[] body) {}

  private static Reply failure(int code, String details, Platform platform) {
    return new Reply.Failure(GraphError.of(code, details), platform);
  }

  private void write(HttpExchange exchange, Reply reply) throws IOException {
    switch (reply) {
      case Reply.Ok ok -> HttpIo.sendJson(exchange, 200, ok.body());
      case Reply.Failure failure -> {
        GraphError error = failure.error();
        state.recordRejection(String.valueOf(error.code()));
        String trace = GraphIds.fbtraceId();
        exchange.getResponseHeaders().set("x-fb-trace-id", trace);
        if (error.httpStatus() == 401) {
          exchange
              .getResponseHeaders()
              .set("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"");
        }
        HttpIo.sendJson(exchange, error.httpStatus(), error.body(failure.platform(), trace));
      }
      case Reply.Raw raw -> {
        state.recordRejection("http" + raw.status());
        HttpIo.send(
            exchange, raw.status(), raw.contentType(), raw.text().getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
