package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Writer schemas from a Confluent-compatible registry ({@code GET /schemas/ids/{id}}), cached for
 * good since an id never changes meaning.
 */
final class RegistrySchemas implements SchemaLookup, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI baseUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<Integer, Schema> cache = new ConcurrentHashMap<>();

  RegistrySchemas(URI baseUrl) {
    String text = baseUrl.toString();
    this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
  }

  @Override
  public Schema byId(int id) {
    return cache.computeIfAbsent(id, this::fetch);
  }

  private Schema fetch(int id) {
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("schemas/ids/" + id)).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("registry " + baseUrl + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the registry", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "registry answered HTTP " + response.statusCode() + ": " + response.body());
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      return new Schema.Parser().parse(body.path("schema").asText());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("registry returned no usable Avro schema: " + e, e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
