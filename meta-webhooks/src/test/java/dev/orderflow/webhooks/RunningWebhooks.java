package dev.orderflow.webhooks;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.OpsServerConfig;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.ops.OpsHttpServer;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.webhooks.signature.SignatureCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One meta-webhooks service, in this JVM, wired as its launcher wires it (config from the shipped
 * defaults and environment-style overrides, the ops endpoint), on topics and a credentials secret
 * unique to the test class. Stopped by {@link #close()}.
 */
public final class RunningWebhooks implements AutoCloseable {
  public static final String APP_SECRET = "it-app-secret";
  public static final String VERIFY_TOKEN = "it-verify-token";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public final String statusTopic;
  public final String inboundTopic;
  public final String unparsedTopic;
  private final MetaWebhooksService service;
  private final OpsHttpServer ops;
  private final Metrics metrics;

  private RunningWebhooks(
      String[] topics, MetaWebhooksService service, OpsHttpServer ops, Metrics metrics) {
    this.statusTopic = topics[0];
    this.inboundTopic = topics[1];
    this.unparsedTopic = topics[2];
    this.service = service;
    this.ops = ops;
    this.metrics = metrics;
  }

  /** Creates the topics and the secret, then starts the service with {@code overrides} applied. */
  public static RunningWebhooks start(TestStack stack, Map<String, String> overrides)
      throws Exception {
    String[] topics = {
      stack.uniqueTopic("notify.status"),
      stack.uniqueTopic("buyer.inbound"),
      stack.uniqueTopic("meta-webhooks.unparsed")
    };
    stack.createTopics(1, topics);
    String secretName = stack.uniqueName("orderflow/it/meta-credentials");
    try (SecretsManagerClient secrets = secretsClient(stack)) {
      secrets.createSecret(
          b -> b.name(secretName).secretString(FakeSecrets.json(APP_SECRET, VERIFY_TOKEN)));
    }
    Map<String, String> env = stack.serviceEnvironment();
    env.put("CREDENTIALS_SECRET_NAME", secretName);
    env.put("TOPICS_NOTIFY_STATUS", topics[0]);
    env.put("TOPICS_BUYER_INBOUND", topics[1]);
    env.put("TOPICS_WEBHOOKS_UNPARSED", topics[2]);
    env.put("WEBHOOKS_HTTP_PORT", "0");
    env.putAll(overrides);
    Metrics metrics = Metrics.create(MetaWebhooksMain.SERVICE_NAME, "it");
    HealthChecks live = new HealthChecks();
    HealthChecks ready = new HealthChecks();
    MetaWebhooksService service =
        MetaWebhooksService.startInThisJvm("it", env, metrics, live, ready);
    OpsHttpServer ops =
        OpsHttpServer.start(new OpsServerConfig("127.0.0.1", 0), metrics, live, ready);
    return new RunningWebhooks(topics, service, ops, metrics);
  }

  public URI callbackUrl() {
    return URI.create(service.endpoint() + "/webhooks/meta");
  }

  /** POSTs the body signed with the service's app secret. */
  public HttpResponse<String> postSigned(byte[] body) {
    return post(body, SignatureCheck.headerFor(body, APP_SECRET));
  }

  public HttpResponse<String> post(byte[] body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(callbackUrl())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Optional.ofNullable(signature).ifPresent(s -> request.header(SignatureCheck.HEADER, s));
    return send(request.build());
  }

  public HttpResponse<String> handshake(String query) {
    return send(HttpRequest.newBuilder(URI.create(callbackUrl() + "?" + query)).build());
  }

  /** GET on the ops endpoint: /metrics, /health/ready. */
  public HttpResponse<String> ops(String path) {
    return send(HttpRequest.newBuilder(URI.create(ops.uri() + path)).build());
  }

  @Override
  public void close() {
    ops.close();
    service.stop();
    metrics.close();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static SecretsManagerClient secretsClient(TestStack stack) {
    AwsConfig aws =
        new AwsConfig(
            stack.awsRegion(),
            Optional.empty(),
            Optional.of(stack.secretsEndpoint()),
            Optional.empty());
    return new AwsClients(aws).secretsManager();
  }
}
