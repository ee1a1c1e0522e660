package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /_sim/}: settings, faults, windows, delivered log, stats, reset.
 * Every answer is JSON; a bad request gets 400 with {@code {"error": "…"}} naming the problem.
 */
final class ControlEndpoint implements HttpHandler {

  private static final Logger LOGGER = LoggerFactory.getLogger(ControlEndpoint.class);

  private final SimulatorState state;

  ControlEndpoint(SimulatorState state) {
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
      String route = exchange.getRequestMethod() + " " + path;
      byte[] body = HttpIo.readBody(exchange);
      try {
        HttpIo.sendJson(exchange, 200, dispatch(route, HttpIo.query(exchange), body));
      } catch (NoSuchRoute e) {
        HttpIo.sendJson(exchange, 404, Map.of("error", "no control route " + route));
      } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
        HttpIo.sendJson(exchange, 400, Map.of("error", reason(e)));
      }
    }
  }

  private Object dispatch(String route, Map<String, String> query, byte[] body) throws IOException {
    return switch (route) {
      case "GET /_sim/health" -> Map.of("status", "UP");
      case "GET /_sim/config" -> state.settings();
      case "POST /_sim/config", "PUT /_sim/config" -> updateSettings(body);
      case "GET /_sim/faults" -> state.faults().active(state.now());
      case "POST /_sim/faults" -> addFaults(body);
      case "DELETE /_sim/faults" -> {
        state.faults().clear();
        yield List.of();
      }
      case "POST /_sim/windows" -> changeWindow(Json.MAPPER.readValue(body, WindowChange.class));
      case "GET /_sim/messages" -> state.log().find(filter(query));
      case "GET /_sim/stats" -> state.stats();
      case "POST /_sim/reset" -> {
        state.reset(Boolean.parseBoolean(query.get("config")));
        yield state.settings();
      }
      default -> throw new NoSuchRoute();
    };
  }

  /** Merges a full or partial settings object into the current settings. */
  private SimulatorSettings updateSettings(byte[] body) throws IOException {
    JsonNode patch = Json.MAPPER.readTree(body);
    if (patch == null || !patch.isObject()) {
      throw new IllegalArgumentException("the settings body must be a JSON object");
    }
    JsonNode merged = Json.merge(Json.MAPPER.valueToTree(state.settings()), patch);
    SimulatorSettings updated = Json.MAPPER.treeToValue(merged, SimulatorSettings.class);
    state.updateSettings(updated);
    LOGGER.info("settings changed: {}", updated);
    return updated;
  }

  /** Takes one rule or an array of rules. */
  private List<FaultRule> addFaults(byte[] body) throws IOException {
    JsonNode json = Json.MAPPER.readTree(body);
    List<FaultRule> rules =
        json != null && json.isArray()
            ? List.of(Json.MAPPER.treeToValue(json, FaultRule[].class))
            : List.of(Json.MAPPER.treeToValue(json, FaultRule.class));
    rules.forEach(rule -> state.faults().add(rule, state.now()));
    LOGGER.info("faults added: {}", rules);
    return state.faults().active(state.now());
  }

  private WindowChange changeWindow(WindowChange change) {
    if (change.open()) {
      long seconds =
          change.durationSeconds() == null
              ? MessagingWindows.STANDARD.toSeconds()
              : change.durationSeconds();
      state
          .windows()
          .open(change.platform(), change.recipient(), Duration.ofSeconds(seconds), state.now());
    } else {
      state.windows().close(change.platform(), change.recipient());
    }
    return change;
  }

  private static Predicate<DeliveredMessage> filter(Map<String, String> query) {
    Platform platform =
        query.containsKey("platform") ? Platform.fromWireName(query.get("platform")) : null;
    String recipient =
        query.containsKey("recipient")
            ? OutgoingMessage.recipientKey(query.get("recipient"))
            : null;
    return message ->
        (platform == null || message.platform() == platform)
            && (recipient == null || message.recipient().equals(recipient));
  }

  /** The deepest message, which for a settings record is the one naming the key. */
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

  private static final class NoSuchRoute extends RuntimeException {
    NoSuchRoute() {
      super(null, null, false, false);
    }
  }
}
