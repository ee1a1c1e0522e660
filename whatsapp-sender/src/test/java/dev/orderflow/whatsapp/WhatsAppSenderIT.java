package dev.orderflow.whatsapp;

import static dev.orderflow.sender.fakes.StackChannel.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.ContractClasses;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.sender.fakes.StackChannel;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    StackChannel channel = StackChannel.create(stack, "wait", new WhatsAppPlatform(), 2);
    channel.createSecret(
        """
        {"whatsappToken":"%s","whatsappPhoneNumberId":"%s"}
        """
            .formatted(
                SimulatorSettings.DEFAULT_WHATSAPP_TOKEN,
                SimulatorSettings.DEFAULT_PHONE_NUMBER_ID));
    try (RunningSimulator simulator = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
        Metrics metrics = Metrics.create(channel.platform().name() + "-sender", "it-1")) {
      SenderApp app = channel.start(channel.config(simulator.baseUri(), Map.of()), metrics);
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
        byte[] lateBytes = channel.publish(template, lateText);

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
            stack.drain(channel.deadLetters(), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(dead.value()).isEqualTo(lateBytes);
        assertThat(header(dead, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131047");
        assertThat(header(dead, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
        assertThat(simulator.client().messages(Platform.WHATSAPP, "2348030003002")).isEmpty();
      } finally {
        app.stop();
      }
    }
  }
}
