package dev.orderflow.instagram;

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
 * The real Instagram platform inside the sender framework's production wiring: Kafka, the schema
 * registry, dynalite and the local Secrets Manager of the stack, and an embedded Meta simulator.
 */
@RealStack
class InstagramSenderIT {

  @Test
  void aTextReachesTheBuyerAndATextOutsideTheWindowIsDeadLetteredWith10Slash2534022(TestStack stack)
      throws Exception {
    // Given a channel of its own: topics, ledger table, secret, simulator
    ContractClasses.trustForAvro();
    StackChannel channel =
        StackChannel.create(
            stack, "igit", new InstagramPlatform(InstagramHostStyle.INSTAGRAM_LOGIN), 2);
    channel.createSecret(
        """
        {"instagramToken":"%s","instagramAccountId":"%s"}
        """
            .formatted(
                SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN, SimulatorSettings.DEFAULT_INSTAGRAM_ID));
    try (RunningSimulator simulator = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
        Metrics metrics = Metrics.create(channel.platform().name() + "-sender", "it-1")) {
      SenderApp app = channel.start(channel.config(simulator.baseUri(), Map.of()), metrics);
      try {
        // Given a buyer whose messaging window has closed
        simulator.client().closeWindow(Platform.INSTAGRAM, "igsid-late");

        // When the router's notifications arrive in Confluent wire format
        NotificationRequested onTime =
            Notifications.notification()
                .setNotificationId("ORD-4001:instagram")
                .setBuyerId("buyer-on-time")
                .setRecipient("igsid-on-time")
                .build();
        NotificationRequested late =
            Notifications.notification()
                .setNotificationId("ORD-4002:instagram")
                .setBuyerId("buyer-late")
                .setRecipient("igsid-late")
                .build();
        byte[] lateBytes = channel.publish(onTime, late);

        // Then the first is delivered through the Instagram account
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(simulator.client().messages(Platform.INSTAGRAM, "igsid-on-time"))
                        .singleElement()
                        .satisfies(
                            message -> {
                              assertThat(message.account())
                                  .isEqualTo(SimulatorSettings.DEFAULT_INSTAGRAM_ID);
                              assertThat(message.text()).isEqualTo(onTime.getText());
                            }));
        // And the second, refused outside the window, is dead-lettered unchanged
        ConsumerRecord<byte[], byte[]> dead =
            stack.drain(channel.deadLetters(), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(dead.value()).isEqualTo(lateBytes);
        assertThat(header(dead, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("10");
        assertThat(header(dead, HeaderNames.DLQ_ERROR_SUBCODE)).isEqualTo("2534022");
        assertThat(header(dead, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
        assertThat(simulator.client().messages(Platform.INSTAGRAM, "igsid-late")).isEmpty();
      } finally {
        app.stop();
      }
    }
  }
}
