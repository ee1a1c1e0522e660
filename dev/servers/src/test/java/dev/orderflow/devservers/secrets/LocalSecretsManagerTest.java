package dev.orderflow.devservers.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Drives the endpoint with the real AWS SDK v2 client, as the services will. */
class LocalSecretsManagerTest {
  private static final String NAME = "orderflow/test/meta-credentials";

  @TempDir Path dir;
  private LocalSecretsManager endpoint;
  private SecretsManagerClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void createdSecretIsReadBackByGetSecretValue() throws IOException {
    // Given
    start();
    client.createSecret(b -> b.name(NAME).secretString("{\"whatsappToken\":\"one\"}"));

    // When
    GetSecretValueResponse value = client.getSecretValue(b -> b.secretId(NAME));

    // Then
    assertThat(value.secretString()).isEqualTo("{\"whatsappToken\":\"one\"}");
    assertThat(value.name()).isEqualTo(NAME);
    assertThat(value.versionStages()).containsExactly("AWSCURRENT");
    assertThat(client.getSecretValue(b -> b.secretId(value.arn())).secretString())
        .isEqualTo(value.secretString());
  }

  @Test
  void putSecretValueRotatesAndKeepsThePreviousVersion() throws IOException {
    // Given
    start();
    String first = client.createSecret(b -> b.name(NAME).secretString("old")).versionId();

    // When
    String second = client.putSecretValue(b -> b.secretId(NAME).secretString("new")).versionId();

    // Then
    assertThat(client.getSecretValue(b -> b.secretId(NAME)).secretString()).isEqualTo("new");
    assertThat(client.getSecretValue(b -> b.secretId(NAME).versionStage("AWSPREVIOUS")))
        .extracting(GetSecretValueResponse::secretString, GetSecretValueResponse::versionId)
        .containsExactly("old", first);
    DescribeSecretResponse description = client.describeSecret(b -> b.secretId(NAME));
    assertThat(description.versionIdsToStages())
        .containsEntry(second, List.of("AWSCURRENT"))
        .containsEntry(first, List.of("AWSPREVIOUS"));
  }

  @Test
  void unknownSecretFailsWithResourceNotFound() throws IOException {
    start();

    assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("orderflow/nope")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("can't find the specified secret");
  }

  @Test
  void creatingAnExistingSecretFailsWithResourceExists() throws IOException {
    start();
    client.createSecret(b -> b.name(NAME).secretString("v1"));

    assertThatThrownBy(() -> client.createSecret(b -> b.name(NAME).secretString("v2")))
        .isInstanceOf(ResourceExistsException.class);
    assertThat(client.getSecretValue(b -> b.secretId(NAME)).secretString()).isEqualTo("v1");
  }

  @Test
  void secretsSurviveARestartWhenAFileIsGiven() throws IOException {
    // Given
    Path file = dir.resolve("secrets.json");
    start(Optional.of(file));
    client.createSecret(b -> b.name(NAME).secretString("v1"));
    client.putSecretValue(b -> b.secretId(NAME).secretString("v2"));
    stop();

    // When
    start(Optional.of(file));

    // Then
    assertThat(client.getSecretValue(b -> b.secretId(NAME)).secretString()).isEqualTo("v2");
  }

  private void start() throws IOException {
    start(Optional.empty());
  }

  private void start(Optional<Path> file) throws IOException {
    endpoint = LocalSecretsManager.start(new InetSocketAddress("127.0.0.1", 0), file);
    client =
        SecretsManagerClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + endpoint.port()))
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }
}
