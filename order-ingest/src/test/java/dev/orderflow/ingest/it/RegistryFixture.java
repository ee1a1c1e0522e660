package dev.orderflow.ingest.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;

/** Registers schemas with the stack's registry through its Confluent-compatible API. */
final class RegistryFixture {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private RegistryFixture() {}

  /** Registers {@code schema} under {@code subject} and returns its global id. */
  static int register(URI registryUrl, String subject, Schema schema)
      throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(registryUrl + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "registering " + subject + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).get("id").asInt();
  }
}
