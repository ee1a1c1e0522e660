package dev.orderflow.sender.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.api.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/** Sends a one-parameter template through the simulator's WhatsApp endpoint (JDK HTTP client). */
final class SimWhatsAppClient implements MessagingClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PlatformClientConfig config;
  private final ErrorClassifier classifier;
  private final HttpClient http;

  SimWhatsAppClient(PlatformClientConfig config, ErrorClassifier classifier) {
    this.config = config;
    this.classifier = classifier;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  @Override
  public SendOutcome send(NotificationRequested n, Credentials credentials) {
    ObjectNode body = JSON.createObjectNode().put("messaging_product", "whatsapp");
    body.put("to", n.getRecipient()).put("type", "template");
    ObjectNode template = body.putObject("template").put("name", "order_confirmed");
    template.putObject("language").put("code", "en");
    template
        .putArray("components")
        .addObject()
        .put("type", "body")
        .putArray("parameters")
        .addObject()
        .put("type", "text")
        .put("text", n.getOrderId());
    HttpRequest request =
        HttpRequest.newBuilder(uri(credentials.accountId() + "/messages"))
            .timeout(config.callTimeout())
            .header("Authorization", "Bearer " + credentials.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return call(request, reply -> reply.path("messages").path(0).path("id").asText());
  }

  @Override
  public SendOutcome probe(Credentials credentials) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(credentials.accountId()))
            .timeout(config.callTimeout())
            .header("Authorization", "Bearer " + credentials.token())
            .GET()
            .build();
    return call(request, reply -> reply.path("id").asText());
  }

  private SendOutcome call(HttpRequest request, java.util.function.Function<JsonNode, String> id) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode reply = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
      if (response.statusCode() == 200) {
        return new SendOutcome.Sent(id.apply(reply));
      }
      JsonNode error = reply.path("error");
      MetaError meta =
          new MetaError(
              response.statusCode(),
              error.has("code") ? error.get("code").asInt() : null,
              error.has("error_subcode") ? error.get("error_subcode").asInt() : null,
              error.path("message").asText("HTTP " + response.statusCode()),
              error.path("fbtrace_id").asText(null));
      return new SendOutcome.Failed(classifier.classify(meta), meta);
    } catch (IOException e) {
      MetaError meta = MetaError.noResponse(e.toString());
      return new SendOutcome.Failed(classifier.classify(meta), meta);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      MetaError meta = MetaError.noResponse("interrupted");
      return new SendOutcome.Failed(classifier.classify(meta), meta);
    }
  }

  private URI uri(String path) {
    return URI.create(
        config.baseUrl().toString().replaceAll("/+$", "") + "/" + config.apiVersion() + "/" + path);
  }

  @Override
  public void close() {
    http.close();
  }
}
