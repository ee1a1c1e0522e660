package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook part of the control API: {@code GET|POST /_sim/webhooks} (settings, deep-merged),
 * {@code GET|POST|DELETE /_sim/webhooks/failures}, {@code GET
 * /_sim/webhooks/deliveries[?messageId=]}, {@code POST /_sim/webhooks/verify} and {@code POST
 * /_sim/inbound}. Answers like {@link ControlEndpoint}: JSON, 400 naming the problem.
 */
final class WebhookControl implements HttpHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(WebhookControl.class);

  private final SimulatorState state;

  WebhookControl(SimulatorState state) {
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
      String route = exchange.getRequestMethod() + " " + path;
      byte[] body = HttpIo.readBody(exchange);
      try {
        Object answer = dispatch(route, HttpIo.query(exchange), body);
        if (answer == null) {
          HttpIo.sendJson(exchange, 404, Map.of("error", "no control route " + route));
        } else {
          HttpIo.sendJson(exchange, 200, answer);
        }
      } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
        HttpIo.sendJson(exchange, 400, Map.of("error", reason(e)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        HttpIo.sendJson(exchange, 503, Map.of("error", "the simulator is stopping"));
      }
    }
  }

  private Object dispatch(String route, Map<String, String> query, byte[] body)
      throws IOException, InterruptedException {
    SimulatorWebhooks webhooks = state.webhooks();
    return switch (route) {
      case "GET /_sim/webhooks" -> webhooks.settings();
      case "POST /_sim/webhooks", "PUT /_sim/webhooks" -> update(body);
      case "GET /_sim/webhooks/failures" -> webhooks.failures().active();
      case "POST /_sim/webhooks/failures" -> addFailures(body);
      case "DELETE /_sim/webhooks/failures" -> {
        webhooks.failures().clear();
        yield List.of();
      }
      case "GET /_sim/webhooks/deliveries" -> webhooks.deliveries(query.get("messageId"));
      case "POST /_sim/webhooks/verify" -> webhooks.verify();
      case "POST /_sim/inbound" ->
          webhooks.inbound(Json.MAPPER.readValue(body, InboundRequest.class));
      default -> null;
    };
  }

  private WebhookSettings update(byte[] body) throws IOException {
    JsonNode patch = Json.MAPPER.readTree(body);
    if (patch == null || !patch.isObject()) {
      throw new IllegalArgumentException("the webhook settings body must be a JSON object");
    }
    JsonNode merged = Json.merge(Json.MAPPER.valueToTree(state.webhooks().settings()), patch);
    WebhookSettings updated = Json.MAPPER.treeToValue(merged, WebhookSettings.class);
    state.webhooks().update(updated);
    LOGGER.info("webhook settings changed: {}", updated);
    return updated;
  }

  private List<AsyncFailure> addFailures(byte[] body) throws IOException {
    JsonNode json = Json.MAPPER.readTree(body);
    List<AsyncFailure> failures =
        json != null && json.isArray()
            ? List.of(Json.MAPPER.treeToValue(json, AsyncFailure[].class))
            : List.of(Json.MAPPER.treeToValue(json, AsyncFailure.class));
    failures.forEach(state.webhooks().failures()::add);
    LOGGER.info("asynchronous failures added: {}", failures);
    return state.webhooks().failures().active();
  }

  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof JsonProcessingException json) {
      return json.getOriginalMessage();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
