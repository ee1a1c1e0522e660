package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.aws.AwsClients;
import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.common.ops.HealthChecks;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.AvroSerializer;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.ContractClasses;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.NotificationDecoder;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.sender.fakes.RenamedPlatform;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The real WhatsApp platform inside the sender framework's production wiring: Kafka, the schema
 * registry, dynalite and the local Secrets Manager of the stack, and an embedded Meta simulator.
 */
@RealStack
class WhatsAppSenderIT {

  @Test
  void aTemplateReachesTheBuyerAndFreeTextOutsideTheWindowIsDeadLetteredWith131047(TestStack stack)
      throws Exception {
    // Given a channel of its own: topics, ledger table, secret, simulator
    ContractClasses.trustForAvro();
    var platform = new RenamedPlatform("wait" + letters(8), new WhatsAppPlatform());
    String mainTopic = TopicNames.platformTopic(platform.name());
    String deadLetters = TopicNames.deadLetterTopic(platform.name());
    stack.createTopics(
        2,
        mainTopic,
        TopicNames.retryTopic(platform.name(), "1s"),
        TopicNames.retryTopic(platform.name(), "2s"),
        deadLetters);
    String table = stack.uniqueTable("ledger");
    stack.createTable(table, "notificationId");
    String secretName = "it/" + platform.name();
    try (RunningSimulator simulator = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
        Metrics metrics = Metrics.create(platform.name() + "-sender", "it-1")) {
      ConfigSource config = config(stack, table, secretName, simulator.baseUri());
      try (var secrets = new AwsClients(AwsConfig.from(config)).secretsManager()) {
        secrets.createSecret(
            r ->
                r.name(secretName)
                    .secretString(
                        """
                        {"whatsappToken":"%s","whatsappPhoneNumberId":"%s"}
                        """
                            .formatted(
                                SimulatorSettings.DEFAULT_WHATSAPP_TOKEN,
                                SimulatorSettings.DEFAULT_PHONE_NUMBER_ID)));
      }
      var context =
          new ServiceContext(
              platform.name() + "-sender",
              "it-1",
              config,
              metrics,
              new HealthChecks(),
              new HealthChecks());
      SenderApp app = new SenderApp(context, platform, NotificationDecoder.from(config));
      app.start();
      try {
        // When the router's two kinds of notification arrive in Confluent wire format
        NotificationRequested template =
            Notifications.notification()
                .setNotificationId("ORD-3001:whatsapp")
                .setBuyerId("buyer-template")
                .setRecipient("+2348030003001")
                .build();
        NotificationRequested lateText =
            Notifications.notification()
                .setNotificationId("ORD-3002:whatsapp")
                .setBuyerId("buyer-late")
                .setRecipient("+2348030003002")
                .setInsideServiceWindow(true)
                .setTemplate(null)
                .build();
        byte[] lateBytes = publish(stack, mainTopic, template, lateText);

        // Then the template is delivered with its parameters
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(simulator.client().messages(Platform.WHATSAPP, "2348030003001"))
                        .singleElement()
                        .satisfies(
                            message -> {
                              assertThat(message.type()).isEqualTo("template");
                              assertThat(message.parameters()).hasSize(3);
                            }));
        // And the free text, refused by Meta outside the window, is dead-lettered unchanged
        ConsumerRecord<byte[], byte[]> dead =
            stack.drain(deadLetters, 1, Duration.ofSeconds(30)).getFirst();
        assertThat(dead.value()).isEqualTo(lateBytes);
        assertThat(header(dead, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131047");
        assertThat(header(dead, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
        assertThat(simulator.client().messages(Platform.WHATSAPP, "2348030003002")).isEmpty();
      } finally {
        app.stop();
      }
    }
  }

  private static ConfigSource config(
      TestStack stack, String table, String secretName, URI simulator) {
    return ConfigSource.of(
        Map.of(
            "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
            "schema.registry.url", stack.registryUrl().toString(),
            "aws.region", stack.awsRegion(),
            "aws.endpoint.url", stack.dynamoDbEndpoint().toString(),
            "aws.endpoint.url.secrets.manager", stack.secretsEndpoint().toString(),
            "ledger.table", table,
            "credentials.secret-name", secretName,
            "retry.delays", "1s,2s",
            "meta.graph.url", simulator.toString()),
        Map.of());
  }

  private static byte[] publish(
      TestStack stack, String topic, NotificationRequested... notifications) throws Exception {
    byte[] last = null;
    try (var serializer =
            new AvroSerializer<NotificationRequested>(
                AvroSerdeConfig.localStack(stack.registryUrl().toString()));
        KafkaProducer<byte[], byte[]> producer = stack.producer()) {
      for (NotificationRequested n : notifications) {
        last = serializer.serialize(topic, n);
        producer.send(new ProducerRecord<>(topic, bytes(n.getBuyerId()), last)).get();
      }
    }
    return last;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String letters(int count) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < count; i++) {
      name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return name.toString();
  }
}
