package dev.orderflow.ingest.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.config.RegistryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/** The three calls of the Confluent registry API this service needs. */
public final class RegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final String baseUrl;
  private final boolean autoRegister;

  public RegistryClient(RegistryConfig config) {
    this.baseUrl = config.url().toString().replaceAll("/+$", "");
    this.autoRegister = config.autoRegister();
  }

  /** The schema with this global id; empty when the registry says it has none. */
  public Optional<Schema> schemaById(int id) throws IOException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/schemas/ids/" + id)).GET());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expectOk(response, "GET /schemas/ids/" + id);
    return Optional.of(
        new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText()));
  }

  /** The id of {@code schema} under {@code subject}, registering it first if allowed. */
  public int idFor(String subject, Schema schema) throws IOException {
    String path = autoRegister ? "/subjects/" + subject + "/versions" : "/subjects/" + subject;
    String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    expectOk(response, "POST " + path);
    JsonNode id = JSON.readTree(response.body()).get("id");
    if (id == null) {
      throw new IOException("registry answered POST " + path + " without an id");
    }
    return id.asInt();
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(5)).header("Accept", CONTENT_TYPE).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the schema registry", e);
    }
  }

  private static void expectOk(HttpResponse<String> response, String call) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException(
          "registry answered "
              + call
              + " with HTTP "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }
}
