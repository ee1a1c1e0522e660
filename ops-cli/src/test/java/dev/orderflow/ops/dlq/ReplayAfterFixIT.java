package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.ops.Metrics;
import dev.orderflow.devservers.meta.FaultRule;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.SenderApp;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RequestedNotifications;
import dev.orderflow.testsupport.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's last criterion end to end: the real WhatsApp sender parks notifications Meta refused
 * for good, the cause is fixed, and {@code ops dlq replay} gets each delivered exactly once however
 * often it is run.
 */
@RealStack
class ReplayAfterFixIT {
  private static final int FAILING = 5;
  private static final String HEALTHY = "+2348030009999";

  @Test
  void aReplayAfterTheFaultIsClearedDeliversEachOnceAndASecondReplayDeliversNothing(TestStack stack)
      throws Exception {
    // Given a WhatsApp sender of its own, and Meta refusing five buyers' numbers (131026)
    WhatsAppChannel channel = WhatsAppChannel.create(stack);
    List<String> failing =
        IntStream.rangeClosed(1, FAILING).mapToObj(i -> "+23480300091" + (10 + i)).toList();
    try (RunningSimulator simulator = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
        Metrics metrics = Metrics.create(channel.platform().name() + "-sender", "it-1")) {
      MetaSimulatorClient sim = simulator.client();
      failing.forEach(
          to -> sim.addFaults(FaultRule.error(Platform.WHATSAPP, 131026).forRecipient(to)));
      SenderApp sender = channel.startSender(stack, simulator, metrics);
      try {
        // When their notifications and a healthy buyer's arrive
        channel.publish(
            stack,
            Stream.concat(failing.stream(), Stream.of(HEALTHY))
                .map(ReplayAfterFixIT::notification)
                .toList());

        // Then the five are dead-lettered as PERMANENT 131026, undelivered; the healthy one is sent
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> TopicContents.of(stack, channel.deadLetters()).size() >= FAILING);
        List<ConsumerRecord<byte[], byte[]>> parked =
            TopicContents.of(stack, channel.deadLetters());
        assertThat(parked).hasSize(FAILING);
        assertThat(parked)
            .allSatisfy(
                r -> {
                  assertThat(header(r, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
                  assertThat(header(r, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131026");
                });
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> sim.messages(Platform.WHATSAPP, HEALTHY).size() == 1);
        assertThat(sim.messages(Platform.WHATSAPP)).hasSize(1);

        // When the cause is fixed and the dead letters are replayed
        sim.clearFaults();
        Cli.Run first = channel.replay(stack);

        // Then each of the five reaches Meta exactly once
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
            .contains(FAILING + " matched: " + FAILING + " replayed, 0 already replayed");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> sim.messages(Platform.WHATSAPP).size() >= FAILING + 1);
        assertThat(failing)
            .allSatisfy(to -> assertThat(sim.messages(Platform.WHATSAPP, to)).hasSize(1));

        // When the same selection is replayed again
        Cli.Run second = channel.replay(stack);

        // Then the tool sends nothing, and nothing reaches Meta a second time
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out())
            .contains(FAILING + " matched: 0 replayed, " + FAILING + " already replayed");
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(8))
            .until(() -> sim.messages(Platform.WHATSAPP).size() == FAILING + 1);
        assertThat(failing)
            .allSatisfy(to -> assertThat(sim.messages(Platform.WHATSAPP, to)).hasSize(1));
      } finally {
        sender.stop();
      }
    }
  }

  /** A template notification (no service window needed) for one buyer's number. */
  private static NotificationRequested notification(String recipient) {
    String orderId = "ORD-" + recipient.substring(recipient.length() - 4);
    return RequestedNotifications.whatsappTemplate(orderId, "buyer-" + orderId, recipient).build();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }
}
