package dev.orderflow.sender.it;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.OffsetReset;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.app.RateConfig;
import dev.orderflow.sender.app.RetryConfig;
import dev.orderflow.sender.app.SenderConfig;
import dev.orderflow.sender.app.SenderInfra;
import dev.orderflow.sender.app.SenderService;
import dev.orderflow.sender.circuit.CircuitConfig;
import dev.orderflow.sender.consume.ConsumerLoopConfig;
import dev.orderflow.sender.fakes.InMemoryLedger;
import dev.orderflow.sender.fakes.Notifications;
import dev.orderflow.sender.fakes.StackChannel;
import dev.orderflow.sender.ledger.LedgerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The real stack for one end-to-end test: the shared Kafka broker and dynalite (unique topics,
 * table and secret per test), the local Secrets Manager, and an embedded Meta simulator.
 */
final class SenderHarness implements AutoCloseable {
  static final String BOOTSTRAP = LocalAws.env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

  /** The services' client settings (KIP-848 group, read_committed, idempotent producer). */
  static final KafkaSettings KAFKA = new KafkaSettings(KafkaConfig.plaintext(BOOTSTRAP));

  final String platformName = "it" + StackChannel.letters(10);
  final SimWhatsAppPlatform platform = new SimWhatsAppPlatform(platformName);
  final RunningSimulator simulator;
  final MetaSimulatorClient sim;
  final DynamoDbClient dynamo = LocalAws.dynamo();
  final SecretsManagerClient secrets = LocalAws.secrets();
  final String table = LocalAws.createLedgerTable(dynamo);
  final String secretName = "it/" + platformName;
  final SenderConfig config;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final List<SenderService> services = new ArrayList<>();
  private boolean inMemoryLedger;

  SenderHarness(int partitions, double ratePerSecond) throws Exception {
    this(partitions, ratePerSecond, 200);
  }

  SenderHarness(int partitions, double ratePerSecond, int maxInFlight) throws Exception {
    simulator = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
    sim = simulator.client();
    config =
        config(
            platformName,
            simulator.baseUri().toString(),
            table,
            secretName,
            ratePerSecond,
            maxInFlight);
    secrets.createSecret(
        r -> r.name(secretName).secretString(secret(SimulatorSettings.DEFAULT_WHATSAPP_TOKEN)));
    admin = Admin.create(KAFKA.admin("it-admin"));
    List<NewTopic> topics = new ArrayList<>();
    topics.add(new NewTopic(config.mainTopic(), partitions, (short) 1));
    topics.add(new NewTopic("notify." + platformName + ".retry.1s", 2, (short) 1));
    topics.add(new NewTopic("notify." + platformName + ".retry.2s", 2, (short) 1));
    topics.add(new NewTopic("notify." + platformName + ".dlq.v1", 1, (short) 1));
    admin.createTopics(topics).all().get();
    producer =
        new KafkaProducer<>(
            KAFKA.producer("it-loader", Map.of("linger.ms", "5")),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  static SenderConfig config(
      String platformName,
      String simulatorUrl,
      String table,
      String secretName,
      double ratePerSecond,
      int maxInFlight) {
    return new SenderConfig(
        platformName,
        TopicNames.platformTopic(platformName),
        platformName + "-sender",
        new ConsumerLoopConfig(
            maxInFlight,
            Math.max(2_000, maxInFlight * 4),
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5)),
        new RetryConfig(
            2,
            1,
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)),
            Duration.ofMillis(50),
            Duration.ofMillis(200)),
        new RateConfig(
            ratePerSecond,
            Duration.ZERO,
            Duration.ofSeconds(1),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            5),
        // A 5 s lease (so crash tests take over quickly) covers calls of up to 3 s.
        new LedgerConfig(table, Duration.ofSeconds(5), Duration.ofDays(1)),
        new CircuitConfig(10, 5, 50f, Duration.ofMillis(300), Duration.ofSeconds(2)),
        secretName,
        Duration.ofMinutes(5),
        new PlatformClientConfig(
            java.net.URI.create(simulatorUrl),
            "v23.0",
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            10_000));
  }

  /** A sender started in another JVM against this harness's stack (see SenderProcessMain). */
  Process startProcess() throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            javaBin,
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.orderflow.schema",
            "-cp",
            System.getProperty("java.class.path"),
            SenderProcessMain.class.getName(),
            platformName,
            simulator.baseUri().toString(),
            table,
            secretName)
        .redirectErrorStream(true)
        .start();
  }

  /** What a child process needs to rebuild the same sender. */
  record Remote(String platformName, String simulatorUrl, String table, String secretName) {
    SenderService service() {
      SenderConfig config = config(platformName, simulatorUrl, table, secretName, 1_000, 200);
      return new SenderService(
          config,
          new SimWhatsAppPlatform(platformName),
          infra(config, LocalAws.dynamo(), LocalAws.secrets(), new SimpleMeterRegistry()));
    }
  }

  SenderService startSender() {
    SenderService service = new SenderService(config, platform, infra());
    service.start();
    services.add(service);
    return service;
  }

  /**
   * A sender reading values with {@code decoder} (the production one, say) instead of the test's.
   */
  SenderService startSender(
      Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder) {
    SenderInfra real = infra();
    SenderInfra infra =
        new SenderInfra(
            real.consumer(),
            real.producer(),
            real.ledger(),
            real.secrets(),
            real.registry(),
            decoder,
            real.clock());
    SenderService service = new SenderService(config, platform, infra);
    service.start();
    services.add(service);
    return service;
  }

  SenderInfra infra() {
    SenderInfra real = infra(config, dynamo, secrets, registry);
    if (!inMemoryLedger) {
      return real;
    }
    return new SenderInfra(
        real.consumer(),
        real.producer(),
        ledger -> new InMemoryLedger(ledger.lease()),
        real.secrets(),
        real.registry(),
        real.decoder(),
        real.clock());
  }

  /** For the benchmark: isolates the sender from the local DynamoDB stand-in's latency. */
  void useInMemoryLedger() {
    inMemoryLedger = true;
  }

  static SenderInfra infra(
      SenderConfig config,
      DynamoDbClient dynamo,
      SecretsManagerClient secrets,
      SimpleMeterRegistry registry) {
    return new SenderInfra(
        () ->
            new KafkaConsumer<>(
                KAFKA.consumer(
                    config.groupId(),
                    config.serviceName(),
                    IsolationLevel.READ_COMMITTED,
                    OffsetReset.EARLIEST),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()),
        () ->
            new KafkaProducer<>(
                KAFKA.producer(config.serviceName()),
                new ByteArraySerializer(),
                new ByteArraySerializer()),
        dynamo,
        secrets,
        registry,
        Notifications::decode,
        Clock.systemUTC());
  }

  void send(NotificationRequested n) throws Exception {
    send(
        new ProducerRecord<>(
            config.mainTopic(), n.getBuyerId().getBytes(), Notifications.bytes(n)));
  }

  /** For bulk loads: not waiting for each acknowledgement; {@link #flush()} after. */
  void sendAsync(NotificationRequested n) {
    producer.send(
        new ProducerRecord<>(
            config.mainTopic(), n.getBuyerId().getBytes(), Notifications.bytes(n)));
  }

  void flush() {
    producer.flush();
  }

  void send(ProducerRecord<byte[], byte[]> record) throws Exception {
    producer.send(record).get();
  }

  void putSecretToken(String token) {
    secrets.putSecretValue(r -> r.secretId(secretName).secretString(secret(token)));
  }

  /** Everything in the dead-letter topic so far. */
  List<ConsumerRecord<byte[], byte[]>> deadLetters() {
    TopicPartition dlq = new TopicPartition("notify." + platformName + ".dlq.v1", 0);
    try (KafkaConsumer<byte[], byte[]> reader =
        new KafkaConsumer<>(
            KAFKA.reader("it-dlq-reader", IsolationLevel.READ_COMMITTED),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      reader.assign(List.of(dlq));
      reader.seekToBeginning(List.of(dlq));
      long end = reader.endOffsets(List.of(dlq)).get(dlq);
      List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (reader.position(dlq) < end && System.nanoTime() < deadline) {
        reader.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  double count(String name) {
    var counters = registry.find(name).counters();
    return counters.stream().mapToDouble(c -> c.count()).sum();
  }

  static String secret(String token) {
    return "{\"whatsapp\":{\"token\":\""
        + token
        + "\",\"phoneNumberId\":\""
        + SimulatorSettings.DEFAULT_PHONE_NUMBER_ID
        + "\"}}";
  }

  @Override
  public void close() throws Exception {
    for (SenderService service : services) {
      service.close();
    }
    producer.close();
    admin.deleteTopics(
        List.of(
            config.mainTopic(),
            "notify." + platformName + ".retry.1s",
            "notify." + platformName + ".retry.2s",
            "notify." + platformName + ".dlq.v1"));
    admin.close();
    dynamo.deleteTable(r -> r.tableName(table));
    simulator.close();
  }
}
