package dev.orderflow.ops.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.registry.RegistryClientConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sets compatibility through the Confluent-compatible REST API (Confluent's own client is not on
 * Maven Central, and two endpoints do not justify Apicurio's SDK). The global level is set
 * explicitly, and every subject gets its own because Apicurio reports NONE for an existing subject
 * without one.
 */
final class RegistryProvisioner {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI baseUrl;
  private final Optional<String> authorization;
  private final ProvisionReport report;

  /** {@code registry}'s URL never carries credentials; they are sent as a header. */
  RegistryProvisioner(HttpClient http, RegistryClientConfig registry, ProvisionReport report) {
    this.http = http;
    this.baseUrl = URI.create(registry.baseUrl().replaceAll("/+$", "") + "/");
    this.authorization = registry.auth().authorization();
    this.report = report;
  }

  void provision(RegistrySpec registry) {
    align("registry global compatibility", "config", registry.globalCompatibility());
    new TreeMap<>(registry.subjects())
        .forEach(
            (subject, spec) ->
                align(
                    "registry subject " + subject,
                    "config/" + URLEncoder.encode(subject, StandardCharsets.UTF_8),
                    spec.compatibility()));
  }

  private void align(String resource, String path, String wanted) {
    String current = currentLevel(path);
    if (wanted.equals(current)) {
      return;
    }
    report.changed(resource, "compatibility %s -> %s".formatted(current, wanted));
    if (!report.dryRun()) {
      String body = "{\"compatibility\":\"" + wanted + "\"}";
      send(HttpRequest.newBuilder(baseUrl.resolve(path)).PUT(bodyOf(body)), 200);
    }
  }

  /** The level set on this path, or null when none is (404: a subject without its own level). */
  private String currentLevel(String path) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET(), 200, 404);
    if (response.statusCode() == 404) {
      return null;
    }
    try {
      JsonNode level = JSON.readTree(response.body()).get("compatibilityLevel");
      return level == null ? null : level.asText();
    } catch (IOException e) {
      throw new ProvisioningException("registry answered " + path + " with " + response.body(), e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int... accepted) {
    authorization.ifPresent(value -> request.header("Authorization", value));
    HttpRequest built =
        request
            .timeout(TIMEOUT)
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .header("Accept", "application/vnd.schemaregistry.v1+json, application/json")
            .build();
    try {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      for (int status : accepted) {
        if (response.statusCode() == status) {
          return response;
        }
      }
      throw new ProvisioningException(
          "registry %s %s answered %d: %s"
              .formatted(built.method(), built.uri(), response.statusCode(), response.body()));
    } catch (IOException e) {
      throw new ProvisioningException(
          "registry " + built.uri() + " unreachable (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while talking to the registry", e);
    }
  }

  private static HttpRequest.BodyPublisher bodyOf(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }
}
