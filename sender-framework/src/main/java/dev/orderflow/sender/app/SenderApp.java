package dev.orderflow.sender.app;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.OffsetReset;
import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.common.ops.LagAge;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.service.Service;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Platform;
import dev.orderflow.sender.ledger.DynamoDeliveryLedger;
import dev.orderflow.sender.metrics.SenderMetrics;
import dev.orderflow.sender.retry.HopRecords;
import dev.orderflow.sender.status.KafkaStatusDeadLetters;
import dev.orderflow.sender.status.StatusApplier;
import dev.orderflow.sender.status.StatusConfig;
import dev.orderflow.sender.status.StatusUpdater;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A sender as a {@link Service} for {@link dev.orderflow.common.service.ServiceLauncher}: reads its
 * config, builds Kafka and AWS clients from the shared settings, binds metrics and health checks.
 */
public final class SenderApp implements Service {
  private static final Logger LOGGER = LoggerFactory.getLogger(SenderApp.class);

  private final SenderService service;
  private final StatusUpdater statusUpdater;

  public SenderApp(
      ServiceContext context,
      Platform platform,
      Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder) {
    SenderConfig config = SenderSettings.from(context.config(), platform.name());
    KafkaSettings kafka = new KafkaSettings(KafkaConfig.from(context.config()));
    AwsClients aws = new AwsClients(AwsConfig.from(context.config()));
    String clientId = config.serviceName() + "-" + context.instance();
    // Each handler in flight makes its own ledger calls: one pooled connection apiece.
    DynamoDbClient dynamo = aws.dynamoDb(config.loop().maxInFlight());
    SenderInfra infra =
        new SenderInfra(
            () -> {
              // read_committed: the router writes notifications in transactions. EARLIEST: a
              // new group, or a partition whose committed offset retention has deleted, starts
              // at the oldest record still held. Every held record is then delivered (the
              // ledger keeps a re-read from being sent twice); LATEST would also skip the held
              // ones, NONE would stop the sender for every partition over one. The deleted ones
              // are gone either way: OffsetResets logs and counts them.
              LagAge lagAge =
                  new LagAge(context.metrics().registry(), config.groupId(), Clock.systemUTC());
              Properties props =
                  kafka.consumer(
                      config.groupId(),
                      clientId,
                      IsolationLevel.READ_COMMITTED,
                      OffsetReset.EARLIEST);
              props.putAll(lagAge.consumerConfig());
              Consumer<byte[], byte[]> consumer =
                  new KafkaConsumer<>(
                      props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
              lagAge.readLagFrom(consumer::metrics);
              // Bound here, not via Metrics.bind, whose Streams overload would need kafka-streams.
              new KafkaClientMetrics(consumer).bindTo(context.metrics().registry());
              return consumer;
            },
            () -> {
              Producer<byte[], byte[]> producer =
                  new KafkaProducer<>(
                      kafka.producer(clientId),
                      new ByteArraySerializer(),
                      new ByteArraySerializer());
              new KafkaClientMetrics(producer).bindTo(context.metrics().registry());
              return producer;
            },
            dynamo,
            aws.secretsManager(),
            context.metrics().registry(),
            decoder,
            Clock.systemUTC());
    this.service = new SenderService(config, platform, infra);
    // Delay tiers carry the main topic's bytes, so its subject is the only one to resolve.
    context.contracts().reads(config.mainTopic(), NotificationRequested.getClassSchema());
    context.live().add("consume-loop", service::live);
    context.ready().add("channel", service::ready);
    this.statusUpdater =
        statusUpdater(context, config, platform, kafka, clientId, dynamo).orElse(null);
  }

  /** The status webhooks' consumer, when enabled and the platform has status webhooks. */
  private static Optional<StatusUpdater> statusUpdater(
      ServiceContext context,
      SenderConfig config,
      Platform platform,
      KafkaSettings kafka,
      String clientId,
      DynamoDbClient dynamo) {
    StatusConfig status = SenderSettings.status(context.config());
    Optional<dev.orderflow.schema.Platform> statusPlatform = platform.statusPlatform();
    if (!status.enabled() || statusPlatform.isEmpty()) {
      LOGGER.info(
          "status updater off (status.enabled={}, platform {})", status.enabled(), platform.name());
      return Optional.empty();
    }
    MeterRegistry registry = context.metrics().registry();
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            kafka.producer(clientId + "-status"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    var deadLetters =
        new KafkaStatusDeadLetters(
            new KafkaConsumer<>(
                kafka.reader(clientId + "-status-reader", IsolationLevel.READ_COMMITTED),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()),
            producer,
            new HopRecords(config.serviceName()),
            TopicNames.deadLetterTopic(config.platform()),
            Clock.systemUTC());
    SenderMetrics metrics = new SenderMetrics(registry, config.platform());
    var applier =
        new StatusApplier(
            statusPlatform.get(),
            new DynamoDeliveryLedger(dynamo, config.ledger()),
            deadLetters,
            metrics,
            Clock.systemUTC());
    RegistryConfig registryConfig = RegistryConfig.from(context.config());
    Topic<byte[], DeliveryStatus> statuses =
        new Topic<>(
            status.topic(),
            Serdes.ByteArray(),
            new AvroSerde<>(
                new SchemaRegistryClient(registryConfig.clientConfig()),
                AvroSerdeConfig.from(registryConfig),
                DeliveryStatus.class));
    context.contracts().reads(statuses.name(), DeliveryStatus.getClassSchema());
    var updater =
        new StatusUpdater(
            new KafkaConsumer<>(
                // Earliest, as for notifications: a status applies idempotently, one skipped is
                // lost.
                kafka.consumer(
                    config.groupId() + "-status",
                    clientId + "-status",
                    IsolationLevel.READ_COMMITTED,
                    OffsetReset.EARLIEST),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()),
            statuses,
            applier,
            metrics,
            Sleeper.REAL);
    context.live().add("status-updater", updater::live);
    return Optional.of(updater);
  }

  @Override
  public void start() {
    service.start();
    if (statusUpdater != null) {
      Thread.ofPlatform().name("status-updater").start(statusUpdater);
    }
  }

  @Override
  public void stop() {
    if (statusUpdater != null) {
      statusUpdater.close();
    }
    service.close();
  }
}
