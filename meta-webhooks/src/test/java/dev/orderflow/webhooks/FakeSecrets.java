package dev.orderflow.webhooks;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** A Secrets Manager that serves one JSON string (null: no such secret), for unit tests. */
public final class FakeSecrets implements SecretsManagerClient {
  private volatile String value;

  public FakeSecrets(String value) {
    this.value = value;
  }

  public static String json(String appSecret, String verifyToken) {
    return "{\"whatsappToken\": \"t\", \"metaAppSecret\": \"%s\", \"webhookVerifyToken\": \"%s\"}"
        .formatted(appSecret, verifyToken);
  }

  public void set(String newValue) {
    value = newValue;
  }

  @Override
  public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
    String current = value;
    if (current == null) {
      throw ResourceNotFoundException.builder().message("no such secret").build();
    }
    return GetSecretValueResponse.builder().name(request.secretId()).secretString(current).build();
  }

  @Override
  public String serviceName() {
    return "secretsmanager";
  }

  @Override
  public void close() {}
}
