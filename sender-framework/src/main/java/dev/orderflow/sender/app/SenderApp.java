package dev.orderflow.sender.app;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.ops.LagAge;
import dev.orderflow.common.service.Service;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Platform;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
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

/**
 * A sender as a {@link Service} for {@link dev.orderflow.common.service.ServiceLauncher}: reads its
 * config, builds Kafka and AWS clients from the shared settings, binds metrics and health checks.
 */
public final class SenderApp implements Service {
  private final SenderService service;

  public SenderApp(
      ServiceContext context,
      Platform platform,
      Function<ConsumerRecord<byte[], byte[]>, NotificationRequested> decoder) {
    SenderConfig config = SenderSettings.from(context.config(), platform.name());
    KafkaSettings kafka = new KafkaSettings(KafkaConfig.from(context.config()));
    AwsClients aws = new AwsClients(AwsConfig.from(context.config()));
    String clientId = config.serviceName() + "-" + context.instance();
    SenderInfra infra =
        new SenderInfra(
            () -> {
              // read_committed: the router writes notifications in transactions.
              LagAge lagAge =
                  new LagAge(context.metrics().registry(), config.groupId(), Clock.systemUTC());
              Properties props =
                  kafka.consumer(config.groupId(), clientId, IsolationLevel.READ_COMMITTED);
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
            // Each handler in flight makes its own ledger calls: one pooled connection apiece.
            aws.dynamoDb(config.loop().maxInFlight()),
            aws.secretsManager(),
            context.metrics().registry(),
            decoder,
            Clock.systemUTC());
    this.service = new SenderService(config, platform, infra);
    // Delay tiers carry the main topic's bytes, so its subject is the only one to resolve.
    context.contracts().reads(config.mainTopic(), NotificationRequested.getClassSchema());
    context.live().add("consume-loop", service::live);
    context.ready().add("channel", service::ready);
  }

  @Override
  public void start() {
    service.start();
  }

  @Override
  public void stop() {
    service.close();
  }
}
