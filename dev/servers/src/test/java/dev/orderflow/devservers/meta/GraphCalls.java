package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Graph API calls as a sender makes them, plus the request bodies the tests send. */
final class GraphCalls {

  static final String WA_TOKEN = SimulatorSettings.DEFAULT_WHATSAPP_TOKEN;
  static final String IG_TOKEN = SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN;
  static final String WA_MESSAGES =
      "/v23.0/" + SimulatorSettings.DEFAULT_PHONE_NUMBER_ID + "/messages";
  static final String IG_MESSAGES =
      "/v23.0/" + SimulatorSettings.DEFAULT_INSTAGRAM_ID + "/messages";
  static final String PAGE_MESSAGES = "/v23.0/" + SimulatorSettings.DEFAULT_PAGE_ID + "/messages";

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUri;

  GraphCalls(URI baseUri) {
    this.baseUri = baseUri;
  }

  GraphReply post(String path, String token, String json) throws Exception {
    return post(path, token, json, Duration.ofSeconds(10));
  }

  GraphReply post(String path, String token, String json, Duration timeout) throws Exception {
    return send(request(path, token, timeout).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  GraphReply get(String path, String token) throws Exception {
    return send(request(path, token, Duration.ofSeconds(10)).GET());
  }

  private HttpRequest.Builder request(String path, String token, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUri + path))
            .timeout(timeout)
            .header("Content-Type", "application/json");
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private GraphReply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    JsonNode json =
        contentType.startsWith("application/json") ? Json.MAPPER.readTree(response.body()) : null;
    return new GraphReply(response.statusCode(), contentType, json, response.body());
  }

  /** A Graph answer; {@code body} is null when it was not JSON. */
  record GraphReply(int status, String contentType, JsonNode body, String raw) {

    int errorCode() {
      return body.path("error").path("code").asInt();
    }

    int errorSubcode() {
      return body.path("error").path("error_subcode").asInt();
    }
  }

  static String template(String to) {
    return """
        {"messaging_product":"whatsapp","to":"%s","type":"template","template":{
          "name":"order_shipped","language":{"code":"en_NG"},"components":[{"type":"body",
          "parameters":[{"type":"text","text":"Ada"},{"type":"currency","currency":{
            "fallback_value":"₦4,990.00","code":"NGN","amount_1000":4990000}}]}]}}"""
        .formatted(to);
  }

  static String text(String to, String body) {
    return """
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
         "text":{"preview_url":false,"body":"%s"}}"""
        .formatted(to, body);
  }

  static String instagram(String recipient, String text) {
    return """
        {"recipient":{"id":"%s"},"message":{"text":"%s"}}"""
        .formatted(recipient, text);
  }
}
