package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.avro.Schema;

/** Registers schemas with the real registry, as a producer with auto-registration would. */
final class AvroValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI registry;
  private final HttpClient http = HttpClient.newHttpClient();

  AvroValues(URI registry) {
    String text = registry.toString();
    this.registry = URI.create(text.endsWith("/") ? text : text + "/");
  }

  int register(String subject, Schema schema) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    HttpRequest request =
        HttpRequest.newBuilder(registry.resolve("subjects/" + subject + "/versions"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("registry: " + response.statusCode() + response.body());
    }
    return JSON.readTree(response.body()).path("id").asInt();
  }
}
