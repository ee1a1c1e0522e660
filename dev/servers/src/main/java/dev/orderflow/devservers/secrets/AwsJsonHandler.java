package dev.orderflow.devservers.secrets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks the AWS JSON 1.1 protocol: {@code POST /} with {@code X-Amz-Target:
 * secretsmanager.<Operation>}; errors carry {@code __type}, which the SDK turns into its typed
 * exceptions.
 */
final class AwsJsonHandler implements HttpHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(AwsJsonHandler.class);
  private static final String TARGET_PREFIX = "secretsmanager.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final SecretOperations operations;
  private final ObjectMapper json;

  AwsJsonHandler(SecretOperations operations, ObjectMapper json) {
    this.operations = operations;
    this.json = json;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod())
          || target == null
          || !target.startsWith(TARGET_PREFIX)) {
        // GET / answers readiness probes with 200 rather than an AWS error.
        reply(exchange, 200, Map.of("service", "local-secretsmanager"));
        return;
      }
      String operation = target.substring(TARGET_PREFIX.length());
      try {
        reply(exchange, 200, operations.invoke(operation, readBody(exchange.getRequestBody())));
      } catch (AwsError e) {
        LOGGER.info(
            "Rejected operation={} error={} reason={}", operation, e.type(), e.getMessage());
        replyError(exchange, e);
      } catch (RuntimeException e) {
        // E.g. the store's file cannot be written: the caller gets a 5xx it may retry.
        LOGGER.error("Failed operation={}", operation, e);
        replyError(exchange, new AwsError("InternalServiceError", 500, e.getMessage()));
      }
    }
  }

  private JsonNode readBody(InputStream body) {
    try {
      JsonNode request = json.readTree(body);
      if (request == null || !request.isObject()) {
        throw new AwsError("SerializationException", 400, "The request body is not a JSON object");
      }
      return request;
    } catch (JacksonException e) {
      throw new AwsError(
          "SerializationException", 400, "Malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new AwsError("InternalServiceError", 500, "Cannot read the request body");
    }
  }

  private void replyError(HttpExchange exchange, AwsError error) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
    reply(exchange, error.status(), Map.of("__type", error.type(), "message", error.getMessage()));
  }

  private void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
