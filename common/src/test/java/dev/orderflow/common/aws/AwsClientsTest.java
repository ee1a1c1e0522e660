package dev.orderflow.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.orderflow.common.config.AwsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real HTTP against two local stand-ins, one answering as DynamoDB and one as Secrets Manager. */
class AwsClientsTest {
  private final List<String> dynamoCalls = new CopyOnWriteArrayList<>();
  private final List<String> secretsCalls = new CopyOnWriteArrayList<>();
  private final HttpServer dynamo = stub(dynamoCalls, "{\"TableNames\":[\"buyers\"]}");
  private final HttpServer secrets =
      stub(
          secretsCalls,
          "{\"Name\":\"meta\",\"SecretString\":\"{}\",\"ARN\":\"arn:aws:secretsmanager:eu-west-1:0:secret:meta\"}");

  @AfterEach
  void stop() {
    dynamo.stop(0);
    secrets.stop(0);
  }

  @Test
  void eachClientGoesToItsOwnOverrideSignedForTheRegion() {
    // Given: the general endpoint is dynalite, Secrets Manager has its own.
    AwsConfig config =
        new AwsConfig(
            "eu-west-1", Optional.of(uri(dynamo)), Optional.of(uri(secrets)), Optional.empty());
    AwsClients clients = new AwsClients(config);

    // When
    try (var db = clients.dynamoDb();
        var sm = clients.secretsManager()) {
      List<String> tables = db.listTables().tableNames();
      String secret = sm.getSecretValue(b -> b.secretId("meta")).secretString();

      // Then
      assertThat(tables).containsExactly("buyers");
      assertThat(secret).isEqualTo("{}");
    }
    assertThat(dynamoCalls)
        .singleElement()
        .asString()
        .contains("DynamoDB_20120810.ListTables", "/eu-west-1/dynamodb/aws4_request");
    assertThat(secretsCalls)
        .singleElement()
        .asString()
        .contains("secretsmanager.GetSecretValue", "/eu-west-1/secretsmanager/aws4_request");
  }

  private static URI uri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Records "<X-Amz-Target> <Authorization>" of each call and answers with {@code body}. */
  private static HttpServer stub(List<String> calls, String body) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              calls.add(
                  exchange.getRequestHeaders().getFirst("X-Amz-Target")
                      + " "
                      + exchange.getRequestHeaders().getFirst("Authorization"));
              byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
              exchange.sendResponseHeaders(200, bytes.length);
              exchange.getResponseBody().write(bytes);
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
