package dev.orderflow.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.orderflow.common.config.AwsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  @Test
  void dynamoDbKeepsAsManyConnectionsAsItsCallerRunsConcurrently() throws Exception {
    // Given a DynamoDB stand-in that answers after 100 ms and notes each caller's port
    Set<Integer> ports = ConcurrentHashMap.newKeySet();
    HttpServer slow = stub(ports, "{\"TableNames\":[]}", 100);
    AwsConfig config =
        new AwsConfig("eu-west-1", Optional.of(uri(slow)), Optional.empty(), Optional.empty());
    int concurrency = 20;
    try (var db = new AwsClients(config).dynamoDb(concurrency);
        var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      // When three waves of 20 concurrent calls go out
      for (int i = 0; i < 3; i++) {
        wave(threads, db, concurrency);
      }

      // Then later waves reuse the pooled connections: never more than 20 were opened (the
      // URL-connection client keeps 5 idle and reconnects the rest in every wave)
      assertThat(ports).hasSizeBetween(2, concurrency);
    } finally {
      slow.stop(0);
    }
  }

  private static void wave(
      java.util.concurrent.ExecutorService threads,
      software.amazon.awssdk.services.dynamodb.DynamoDbClient db,
      int calls)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      futures.add(
          threads.submit(
              () -> {
                start.await();
                return db.listTables();
              }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
  }

  private static URI uri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Notes the caller's port of each call and answers with {@code body} after {@code delayMs}. */
  private static HttpServer stub(Set<Integer> ports, String body, long delayMs) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              ports.add(exchange.getRemoteAddress().getPort());
              Thread.sleep(delayMs);
              byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
              exchange.sendResponseHeaders(200, bytes.length);
              exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
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
