package dev.orderflow.ops.provision;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.registry.RegistryClientConfig;
import dev.orderflow.ops.connect.Connection;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The clients provisioning talks through, built from the same settings as the services': Kafka's
 * admin client from common's {@code KafkaSettings} (TLS, SASL, timeouts), AWS from {@code
 * AwsClients}, and the registry's HTTP client trusting the registry's truststore, if one is set.
 */
record Clients(
    Admin admin,
    DynamoDbClient dynamo,
    SecretsManagerClient secrets,
    HttpClient http,
    RegistryClientConfig registry)
    implements AutoCloseable {
  private static final String CLIENT_ID = "ops-provision";

  static Clients connect(Connection connection) {
    RegistryConfig registry = connection.registry();
    AwsClients aws = new AwsClients(connection.aws());
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    registry.tls().ifPresent(tls -> http.sslContext(tls.sslContext()));
    return new Clients(
        Admin.create(connection.kafka().admin(CLIENT_ID)),
        aws.dynamoDb(),
        aws.secretsManager(),
        http.build(),
        registry.clientConfig());
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    dynamo.close();
    secrets.close();
    http.close();
  }
}
