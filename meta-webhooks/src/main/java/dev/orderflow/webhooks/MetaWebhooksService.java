package dev.orderflow.webhooks;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.secrets.CachedJsonSecret;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.service.Service;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.webhooks.http.WebhookServer;
import dev.orderflow.webhooks.publish.ContractsReadiness;
import dev.orderflow.webhooks.publish.EventWriter;
import dev.orderflow.webhooks.publish.KafkaReadiness;
import dev.orderflow.webhooks.publish.WebhookTopics;
import dev.orderflow.webhooks.receive.WebhookMetrics;
import dev.orderflow.webhooks.receive.WebhookReceiver;
import dev.orderflow.webhooks.signature.WebhookAuthenticator;
import dev.orderflow.webhooks.signature.WebhookSecrets;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Wires the endpoint to the secret, the parser and Kafka. Nothing is contacted while building, so
 * the service starts (and answers 503, not ready) while Kafka, the registry or the secret are away.
 * Ready once the secret is readable, the topics exist and the registry has the schemas. Public for
 * the senders' end-to-end tests, which run it in their JVM.
 */
public final class MetaWebhooksService implements Service {
  private static final Logger LOGGER = LoggerFactory.getLogger(MetaWebhooksService.class);

  private final WebhookServer server;
  private final AutoCloseable[] clients;

  private MetaWebhooksService(WebhookServer server, AutoCloseable... clients) {
    this.server = server;
    this.clients = clients;
  }

  /**
   * The service in the calling JVM, configured as its main configures it ({@code env} holds
   * environment-style keys over the shipped defaults), and started: for the benchmark and the tests
   * that put the real receiver between the Meta simulator and a sender. The caller stops it.
   */
  public static MetaWebhooksService startInThisJvm(
      String instance,
      Map<String, String> env,
      Metrics metrics,
      HealthChecks live,
      HealthChecks ready)
      throws Exception {
    ConfigSource config =
        ConfigSource.load(MetaWebhooksMain.SERVICE_NAME + ".properties", new String[0], env);
    MetaWebhooksService service =
        create(
            new ServiceContext(
                MetaWebhooksMain.SERVICE_NAME, instance, config, metrics, live, ready));
    service.start();
    return service;
  }

  public static MetaWebhooksService create(ServiceContext context) {
    WebhooksConfig config = WebhooksConfig.from(context.config());
    RegistryConfig registryConfig = RegistryConfig.from(context.config());
    KafkaSettings kafka = new KafkaSettings(KafkaConfig.from(context.config()));
    SecretsManagerClient secretsClient =
        new AwsClients(AwsConfig.from(context.config())).secretsManager();
    // From RegistryConfig, so the registry's credentials and truststore apply.
    SchemaRegistryClient registry = new SchemaRegistryClient(registryConfig.clientConfig());
    AvroSerdeConfig serde = AvroSerdeConfig.from(registryConfig);
    WebhookTopics topics =
        new WebhookTopics(
            new Topic<>(
                config.topics().status(),
                Serdes.String(),
                new AvroSerde<>(registry, serde, DeliveryStatus.class)),
            new Topic<>(
                config.topics().inbound(),
                Serdes.String(),
                new AvroSerde<>(registry, serde, InboundMessage.class)),
            config.topics().unparsed());
    String clientId = context.name() + "-" + context.instance();
    Producer<byte[], byte[]> producer =
        new KafkaProducer<>(
            kafka.producer(clientId), new ByteArraySerializer(), new ByteArraySerializer());
    // Bound directly: Metrics.bind's overloads name KafkaStreams, which this service lacks.
    KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
    producerMetrics.bindTo(context.metrics().registry());
    Admin admin = Admin.create(kafka.admin(clientId + "-readiness"));
    WebhookAuthenticator auth = new WebhookAuthenticator(secret(config, secretsClient));
    WebhookMetrics metrics = new WebhookMetrics(context.metrics().registry());
    WebhookReceiver receiver =
        new WebhookReceiver(
            auth,
            new EventWriter(producer, topics, config.writeTimeout()),
            metrics,
            Clock.systemUTC());
    context.ready().add("secret-readable", auth::hasSecret);
    context
        .ready()
        .add("kafka-topics", new KafkaReadiness(admin, config.topics().all(), Clock.systemUTC()));
    context
        .ready()
        .add(
            "contracts-registered",
            new ContractsReadiness(
                registry,
                registryConfig.autoRegister(),
                Map.of(
                    serde.subject(config.topics().status()), DeliveryStatus.getClassSchema(),
                    serde.subject(config.topics().inbound()), InboundMessage.getClassSchema())));
    LOGGER.info(
        "meta-webhooks configured http={}:{}{} topics={} secret={}",
        config.http().host(),
        config.http().port(),
        config.http().path(),
        config.topics(),
        config.credentials().secretName());
    return new MetaWebhooksService(
        WebhookServer.create(config.http(), receiver, metrics),
        () -> producer.close(Duration.ofSeconds(5)),
        producerMetrics,
        admin,
        secretsClient,
        registry);
  }

  private static CachedJsonSecret<WebhookSecrets> secret(
      WebhooksConfig config, SecretsManagerClient client) {
    return new CachedJsonSecret<>(
        client,
        config.credentials().secretName(),
        WebhookSecrets::fromSecret,
        config.credentials().refreshInterval(),
        config.credentials().minReread(),
        Clock.systemUTC());
  }

  @Override
  public void start() throws Exception {
    server.start();
    LOGGER.info("webhook endpoint listening url={}", server.uri());
  }

  /** Where Meta's calls arrive, with the real port when the configured one was 0. */
  public URI endpoint() {
    return server.uri();
  }

  @Override
  public void stop() {
    try {
      server.close();
    } catch (RuntimeException e) {
      LOGGER.warn("webhook endpoint did not stop cleanly: {}", e.toString());
    }
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        LOGGER.warn("client did not close cleanly: {}", e.toString());
      }
    }
  }
}
