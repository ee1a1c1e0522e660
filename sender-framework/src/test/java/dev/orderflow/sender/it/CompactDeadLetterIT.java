package dev.orderflow.sender.it;

import static dev.orderflow.sender.fakes.Notifications.notification;
import static dev.orderflow.sender.fakes.Notifications.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.devservers.meta.FaultRule;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.app.SenderService;
import dev.orderflow.sender.fakes.Notifications;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The real broker refusing a copy: this test's own first delay tier takes at most 2 KiB, so a
 * notification of 8 KiB that must move there is dead-lettered in compact form, and the sender goes
 * on with the next one.
 */
class CompactDeadLetterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aRecordTheTierRefusesAsTooLargeIsDeadLetteredCompactlyAndTheSenderGoesOn() throws Exception {
    try (SenderHarness stack = new SenderHarness(1, 500);
        Admin admin = Admin.create(SenderHarness.KAFKA.admin("it-admin"))) {
      // Given a first delay tier whose broker limit is 2 KiB, and Meta failing one recipient
      String tier = "notify." + stack.platformName + ".retry.1s";
      admin
          .incrementalAlterConfigs(
              Map.of(
                  new ConfigResource(ConfigResource.Type.TOPIC, tier),
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("max.message.bytes", "2048"), AlterConfigOp.OpType.SET))))
          .all()
          .get();
      stack.sim.addFaults(
          FaultRule.http5xx(Platform.WHATSAPP, 500, 131000).forRecipient(recipient(7)));
      SenderService sender = stack.startSender();
      NotificationRequested big = notification("order-big", "buyer-7", recipient(7));
      // Random letters: the sender's producer compresses (lz4), and a repeated letter would shrink
      // below the tier's limit.
      big.setText(randomLetters(8_000));
      byte[] value = Notifications.bytes(big);

      // When it fails on the main topic and must move to the tier, and an ordinary one follows
      stack.send(big);
      stack.send(notification("order-next", "buyer-8", recipient(8)));

      // Then the dead-letter topic holds its compact form
      await().atMost(WAIT).until(() -> stack.deadLetters().size() == 1);
      ConsumerRecord<byte[], byte[]> dead = stack.deadLetters().get(0);
      assertThat(header(dead, HeaderNames.DLQ_COMPACT)).isEqualTo("true");
      assertThat(header(dead, HeaderNames.DLQ_COMPACT_REASON)).contains(tier);
      assertThat(header(dead, HeaderNames.DLQ_ORIGINAL_SIZE))
          .isEqualTo(Integer.toString(value.length));
      assertThat(header(dead, HeaderNames.DLQ_ORIGINAL_SHA256))
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value)));
      assertThat(header(dead, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("RETRY");
      assertThat(header(dead, HeaderNames.DLQ_ORIGINAL_TOPIC)).isEqualTo(stack.config.mainTopic());
      assertThat(dead.value().length).isLessThan(value.length);
      assertThat(stack.count("sender.dead.letters.compact")).isEqualTo(1);

      // And the sender went on: the next notification is delivered and it stays ready
      await()
          .atMost(WAIT)
          .until(
              () ->
                  stack.sim.messages(Platform.WHATSAPP).stream()
                      .anyMatch(m -> m.recipient().equals(recipient(8))));
      assertThat(sender.ready()).isTrue();
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String randomLetters(int count) {
    StringBuilder text = new StringBuilder(count);
    Random random = new Random(7);
    for (int i = 0; i < count; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }
}
