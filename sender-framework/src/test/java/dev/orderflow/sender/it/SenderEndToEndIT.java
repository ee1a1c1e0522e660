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
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.fakes.Notifications;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A sender on the real stack (Kafka, dynalite, local Secrets Manager, Meta simulator) with a small
 * WhatsApp-shaped test platform: every error class's path, end to end.
 */
class SenderEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private SenderHarness stack;

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void everyNotificationIsDeliveredOnceAndItsWamidRecorded() throws Exception {
    stack = new SenderHarness(3, 500);
    stack.startSender();

    for (int i = 0; i < 30; i++) {
      stack.send(notification("order-" + i, "buyer-" + i, recipient(i)));
    }

    await().atMost(WAIT).until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 30);
    String wamid = stack.sim.messages(Platform.WHATSAPP).get(0).id();
    // The ledger is marked SENT just after Meta answers, so it may trail the simulator's log.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(ledger("order-0:whatsapp").get("state").s()).isEqualTo("SENT"));
    assertThat(stack.sim.messages(Platform.WHATSAPP))
        .extracting(m -> m.id())
        .contains(wamid)
        .doesNotHaveDuplicates();
  }

  @Test
  void aDuplicateAndAReplayOfASentNotificationAreNotSentAgain() throws Exception {
    stack = new SenderHarness(1, 500);
    stack.startSender();
    NotificationRequested n = notification("order-dup", "buyer-dup", recipient(1));
    stack.send(n);
    await().atMost(WAIT).until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 1);

    // When the router repeats it and ops replay it from the dead-letter topic
    stack.send(n);
    ProducerRecord<byte[], byte[]> replay =
        new ProducerRecord<>(
            stack.config.mainTopic(), "buyer-dup".getBytes(), Notifications.bytes(n));
    replay.headers().add(HeaderNames.REPLAY_COUNT, "1".getBytes(StandardCharsets.UTF_8));
    stack.send(replay);

    // Then both are ledger hits and the buyer got one message
    await().atMost(WAIT).until(() -> stack.count("sender.ledger.hits") == 2);
    assertThat(stack.sim.messages(Platform.WHATSAPP)).hasSize(1);
  }

  @Test
  void aTransientFailureTravelsEveryDelayTierIntoTheDeadLetterTopicWithCompleteHeaders()
      throws Exception {
    // Given Meta answers 500/131000 for one recipient, for good
    stack = new SenderHarness(1, 500);
    stack.sim.addFaults(
        FaultRule.http5xx(Platform.WHATSAPP, 500, 131000).forRecipient(recipient(7)));
    stack.startSender();
    NotificationRequested n = notification("order-doomed", "buyer-7", recipient(7));

    stack.send(n);

    // Then main (2 attempts) → 1s tier (1) → 2s tier (1) → dead letter, with the origin intact
    await().atMost(WAIT).until(() -> stack.deadLetters().size() == 1);
    ConsumerRecord<byte[], byte[]> dead = stack.deadLetters().get(0);
    assertThat(dead.value()).isEqualTo(Notifications.bytes(n));
    assertThat(header(dead, HeaderNames.DLQ_ORIGINAL_TOPIC)).isEqualTo(stack.config.mainTopic());
    assertThat(header(dead, HeaderNames.DLQ_ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(header(dead, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("RETRY");
    assertThat(header(dead, HeaderNames.DLQ_ERROR_CODE)).isEqualTo("131000");
    assertThat(header(dead, HeaderNames.DLQ_HTTP_STATUS)).isEqualTo("500");
    assertThat(header(dead, HeaderNames.DLQ_ATTEMPTS)).isEqualTo("4");
    assertThat(header(dead, HeaderNames.DLQ_SERVICE)).isEqualTo(stack.platformName + "-sender");
    assertThat(header(dead, HeaderNames.DLQ_FBTRACE_ID)).isNotBlank();
    long first = Long.parseLong(header(dead, HeaderNames.DLQ_FIRST_FAILURE_AT));
    long last = Long.parseLong(header(dead, HeaderNames.DLQ_LAST_FAILURE_AT));
    assertThat(last - first).isGreaterThanOrEqualTo(3_000); // waited out both tiers
    assertThat(stack.count("sender.retries")).isEqualTo(2);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(ledger("order-doomed:whatsapp").get("state").s()).isEqualTo("FAILED"));
  }

  @Test
  void aPermanentErrorIsDeadLetteredAtOnceWhileOthersAreDelivered() throws Exception {
    stack = new SenderHarness(1, 500);
    stack.sim.addFaults(FaultRule.error(Platform.WHATSAPP, 131026).forRecipient(recipient(3)));
    stack.startSender();

    stack.send(notification("order-bad", "buyer-3", recipient(3)));
    stack.send(notification("order-good", "buyer-4", recipient(4)));

    await().atMost(WAIT).until(() -> stack.deadLetters().size() == 1);
    ConsumerRecord<byte[], byte[]> dead = stack.deadLetters().get(0);
    assertThat(header(dead, HeaderNames.DLQ_ERROR_CLASS)).isEqualTo("PERMANENT");
    assertThat(header(dead, HeaderNames.DLQ_ATTEMPTS)).isEqualTo("1");
    await().atMost(WAIT).until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 1);
  }

  @Test
  void anExpiredTokenIsHealedByRotatingTheSecretWithNoDeadLetters() throws Exception {
    // Given Meta now accepts only a new token that the secret does not hold yet
    stack = new SenderHarness(2, 500);
    SenderService sender = stack.startSender();
    await().atMost(WAIT).until(sender::ready);
    stack.sim.setValidToken(Platform.WHATSAPP, "rotated-token");
    for (int i = 0; i < 10; i++) {
      stack.send(notification("order-t" + i, "buyer-t" + i, recipient(100 + i)));
    }

    // When the sender is refused even after a re-read, it pauses
    await().atMost(WAIT).until(() -> sender.circuit().isOpen());
    assertThat(sender.circuit().reason()).isEqualTo(OpenReason.CREDENTIALS);
    assertThat(sender.ready()).isFalse();

    // And once the secret is rotated it heals by itself
    stack.putSecretToken("rotated-token");
    await().atMost(WAIT).until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 10);
    await().atMost(WAIT).until(sender::ready);
    assertThat(stack.deadLetters()).isEmpty();
  }

  @Test
  void aMetaOutagePausesTheSenderAndItResumesWithNothingLost() throws Exception {
    stack = new SenderHarness(2, 500);
    SenderService sender = stack.startSender();
    await().atMost(WAIT).until(sender::ready);

    // Given Meta answers 503 to everything for a while
    stack.sim.addFaults(
        FaultRule.http5xx(Platform.WHATSAPP, 503, 2).lasting(Duration.ofSeconds(4)));
    for (int i = 0; i < 20; i++) {
      stack.send(notification("order-o" + i, "buyer-o" + i, recipient(200 + i)));
    }

    // Then the circuit opens, readiness drops, and after the outage all go out, none dead
    await().atMost(WAIT).until(() -> sender.circuit().isOpen());
    assertThat(sender.ready()).isFalse();
    await().atMost(WAIT).until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 20);
    await().atMost(WAIT).until(sender::ready);
    assertThat(stack.deadLetters()).isEmpty();
  }

  @Test
  void twoInstancesShareTheNumbersRateByPartitions() throws Exception {
    stack = new SenderHarness(4, 80);
    SenderService first = stack.startSender();
    await().atMost(WAIT).until(() -> first.rateShare() == 80.0);

    SenderService second = stack.startSender();

    await()
        .atMost(WAIT)
        .until(
            () ->
                first.rateShare() + second.rateShare() == 80.0
                    && second.rateShare() > 0
                    && first.rateShare() < 80.0);
    for (int i = 0; i < 40; i++) {
      stack.send(notification("order-s" + i, "buyer-s" + i, recipient(300 + i)));
    }
    await().atMost(WAIT).until(() -> stack.sim.messages(Platform.WHATSAPP).size() == 40);
  }

  private Map<String, AttributeValue> ledger(String id) {
    return stack
        .dynamo
        .getItem(
            r ->
                r.tableName(stack.table)
                    .key(Map.of("notificationId", AttributeValue.fromS(id)))
                    .consistentRead(true))
        .item();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unused")
  private static List<String> ids(List<NotificationRequested> list) {
    return list.stream().map(NotificationRequested::getNotificationId).toList();
  }
}
