package dev.orderflow.ops.provision;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The clients provisioning talks through. AWS endpoints default to the SDK's own resolution, which
 * honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}; explicit options
 * win.
 */
record Clients(Admin admin, DynamoDbClient dynamo, SecretsManagerClient secrets, HttpClient http)
    implements AutoCloseable {

  static Clients connect(
      String bootstrapServers, Optional<URI> dynamoEndpoint, Optional<URI> secretsEndpoint) {
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "ops-provision",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                15_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    var dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    dynamoEndpoint.ifPresent(dynamo::endpointOverride);
    var secrets = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create());
    secretsEndpoint.ifPresent(secrets::endpointOverride);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return new Clients(admin, dynamo.build(), secrets.build(), http);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    dynamo.close();
    secrets.close();
    http.close();
  }
}
