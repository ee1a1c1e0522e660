package dev.orderflow.devservers.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Secrets Manager operations the pipeline uses, with the request and response shapes of AWS.
 */
final class SecretOperations {
  private static final Logger LOGGER = LoggerFactory.getLogger(SecretOperations.class);

  private final SecretStore store;
  private final Clock clock;
  private final String region;

  SecretOperations(SecretStore store, Clock clock, String region) {
    this.store = store;
    this.clock = clock;
    this.region = region;
  }

  Map<String, Object> invoke(String operation, JsonNode request) {
    return switch (operation) {
      case "GetSecretValue" -> getSecretValue(request);
      case "CreateSecret" -> createSecret(request);
      case "PutSecretValue" -> putSecretValue(request);
      case "DescribeSecret" -> describeSecret(request);
      default ->
          throw new AwsError(
              "UnknownOperationException", 400, "The local endpoint has no " + operation);
    };
  }

  private Map<String, Object> getSecretValue(JsonNode request) {
    Secret secret = store.find(required(request, "SecretId"));
    SecretVersion version =
        secret.version(text(request, "VersionId"), text(request, "VersionStage"));
    Map<String, Object> response = identity(secret, version);
    putIfSet(response, "SecretString", version.secretString());
    putIfSet(response, "SecretBinary", version.secretBinary());
    response.put("VersionStages", secret.stagesOf(version));
    response.put("CreatedDate", version.createdMillis() / 1000.0);
    return response;
  }

  private Map<String, Object> createSecret(JsonNode request) {
    String name = required(request, "Name");
    SecretVersion version = newVersion(request);
    String arn =
        "arn:aws:secretsmanager:%s:000000000000:secret:%s-%s"
            .formatted(region, name, UUID.randomUUID().toString().substring(0, 6));
    long now = version.createdMillis();
    Secret secret = new Secret(name, arn, text(request, "Description"), now, now, version, null);
    store.create(secret);
    LOGGER.info("Created secret name={} versionId={}", name, version.versionId());
    return identity(secret, version);
  }

  private Map<String, Object> putSecretValue(JsonNode request) {
    Secret secret = store.find(required(request, "SecretId"));
    SecretVersion version = newVersion(request);
    if (version.versionId().equals(secret.current().versionId())) {
      // A retried call with the same ClientRequestToken is idempotent; a different value is not.
      if (!version.sameValue(secret.current())) {
        throw AwsError.exists("A version with this ClientRequestToken already exists.");
      }
    } else {
      secret = store.replace(secret.withNewVersion(version));
      LOGGER.info("Rotated secret name={} versionId={}", secret.name(), version.versionId());
    }
    Map<String, Object> response = identity(secret, secret.current());
    response.put("VersionStages", secret.stagesOf(secret.current()));
    return response;
  }

  private Map<String, Object> describeSecret(JsonNode request) {
    Secret secret = store.find(required(request, "SecretId"));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("ARN", secret.arn());
    response.put("Name", secret.name());
    putIfSet(response, "Description", secret.description());
    response.put("CreatedDate", secret.createdMillis() / 1000.0);
    response.put("LastChangedDate", secret.lastChangedMillis() / 1000.0);
    response.put("VersionIdsToStages", secret.versionIdsToStages());
    return response;
  }

  private SecretVersion newVersion(JsonNode request) {
    String token = text(request, "ClientRequestToken");
    return new SecretVersion(
        token != null ? token : UUID.randomUUID().toString(),
        text(request, "SecretString"),
        text(request, "SecretBinary"),
        clock.millis());
  }

  private static Map<String, Object> identity(Secret secret, SecretVersion version) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("ARN", secret.arn());
    response.put("Name", secret.name());
    response.put("VersionId", version.versionId());
    return response;
  }

  private static String required(JsonNode request, String field) {
    String value = text(request, field);
    if (value == null || value.isBlank()) {
      throw AwsError.invalidParameter("Missing required parameter " + field);
    }
    return value;
  }

  private static String text(JsonNode request, String field) {
    JsonNode node = request.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static void putIfSet(Map<String, Object> response, String field, String value) {
    if (value != null) {
      response.put(field, value);
    }
  }
}
