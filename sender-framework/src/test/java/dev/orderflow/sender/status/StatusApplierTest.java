package dev.orderflow.sender.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.StatusError;
import dev.orderflow.sender.fakes.InMemoryLedger;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.metrics.SenderMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusApplierTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final RecordCoordinates SOURCE = new RecordCoordinates("notify.whatsapp.v1", 1, 7);

  private final InMemoryLedger ledger = new InMemoryLedger(Duration.ofSeconds(60));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> deadLettered = new ArrayList<>();
  private boolean sourceGone;
  private StatusApplier whatsapp;
  private StatusApplier instagram;

  @BeforeEach
  void setUp() {
    StatusApplier.DeadLetters letters =
        (id, status, failed) -> {
          if (sourceGone) {
            return false;
          }
          deadLettered.add(id + "@" + failed.source().offset());
          return true;
        };
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    whatsapp =
        new StatusApplier(
            Platform.WHATSAPP, ledger, letters, new SenderMetrics(registry, "whatsapp"), clock);
    instagram =
        new StatusApplier(
            Platform.INSTAGRAM, ledger, letters, new SenderMetrics(registry, "instagram"), clock);
  }

  @Test
  void aWhatsAppStatusFindsItsNotificationByTheEchoedIdAndAppliesMonotonically() throws Exception {
    sent("o-1:whatsapp", "wamid.1");

    whatsapp.apply(status(Platform.WHATSAPP, "wamid.1", DeliveryState.READ, "o-1:whatsapp"));
    whatsapp.apply(status(Platform.WHATSAPP, "wamid.1", DeliveryState.DELIVERED, "o-1:whatsapp"));

    assertThat(ledger.status("o-1:whatsapp")).isEqualTo(DeliveryState.READ);
    assertThat(count("whatsapp", "READ", "applied")).isEqualTo(1);
    assertThat(count("whatsapp", "DELIVERED", "stale")).isEqualTo(1);
    assertThat(registry.get("sender.status.after-send").tag("status", "READ").timer().count())
        .isEqualTo(1);
  }

  @Test
  void anInstagramStatusFindsItsNotificationThroughTheMessageIdIndex() throws Exception {
    sent("o-2:instagram", "mid.2");
    ledger.indexMessage("mid.2", "o-2:instagram", NOW);

    instagram.apply(status(Platform.INSTAGRAM, "mid.2", DeliveryState.READ, null));

    assertThat(ledger.status("o-2:instagram")).isEqualTo(DeliveryState.READ);
  }

  @Test
  void anotherPlatformsStatusIsLeftToItsSender() throws Exception {
    sent("o-3:whatsapp", "wamid.3");

    instagram.apply(status(Platform.WHATSAPP, "wamid.3", DeliveryState.READ, "o-3:whatsapp"));

    assertThat(ledger.status("o-3:whatsapp")).isNull();
    assertThat(registry.find("sender.statuses").counters()).isEmpty();
  }

  @Test
  void aStatusNamingNoNotificationOfOursIsCountedAsUnmatched() throws Exception {
    whatsapp.apply(status(Platform.WHATSAPP, "wamid.x", DeliveryState.SENT, "o-foreign:whatsapp"));
    instagram.apply(status(Platform.INSTAGRAM, "mid.x", DeliveryState.SENT, null));

    assertThat(count("whatsapp", "SENT", "unmatched")).isEqualTo(1);
    assertThat(count("instagram", "SENT", "unmatched")).isEqualTo(1);
  }

  @Test
  void aStatusForANotificationWhoseAnswerWasLostMakesItSent() throws Exception {
    ledger.claim("o-4:whatsapp", "run-a", NOW);
    ledger.retrying("o-4:whatsapp", "run-a", "RETRY no answer", NOW);

    whatsapp.apply(status(Platform.WHATSAPP, "wamid.4", DeliveryState.SENT, "o-4:whatsapp"));

    assertThat(ledger.entry("o-4:whatsapp").state()).isEqualTo("SENT");
    assertThat(ledger.entry("o-4:whatsapp").messageId()).isEqualTo("wamid.4");
    assertThat(count("whatsapp", "SENT", "confirmed-sent")).isEqualTo(1);
  }

  @Test
  void theFirstFailedStatusDeadLettersTheRecordOnceAndARepeatChangesNothing() throws Exception {
    sent("o-5:whatsapp", "wamid.5");
    DeliveryStatus failed = failed("wamid.5", "o-5:whatsapp", 131026);

    whatsapp.apply(failed);
    whatsapp.apply(failed);

    assertThat(deadLettered).containsExactly("o-5:whatsapp@7");
    assertThat(ledger.entry("o-5:whatsapp").state()).isEqualTo("FAILED");
    assertThat(registry.get("sender.status.dead-letters").tag("code", "131026").counter().count())
        .isEqualTo(1);
    assertThat(count("whatsapp", "FAILED", "stale")).isEqualTo(1);
  }

  @Test
  void aFailedStatusWhoseSourceRecordIsGoneIsCountedAsSuch() throws Exception {
    sent("o-6:whatsapp", "wamid.6");
    sourceGone = true;

    whatsapp.apply(failed("wamid.6", "o-6:whatsapp", 131026));

    assertThat(deadLettered).isEmpty();
    assertThat(
            registry.get("sender.status.dead-letters").tag("code", "source-gone").counter().count())
        .isEqualTo(1);
  }

  @Test
  void theFailureIsDescribedByItsFirstErrorsCodeTitleAndDetails() {
    DeliveryStatus failed = failed("wamid.7", "o-7:whatsapp", 131026);

    assertThat(StatusApplier.update(failed).error())
        .isEqualTo("131026 Message undeliverable Not a WhatsApp user");
    assertThat(
            StatusApplier.update(status(Platform.WHATSAPP, "w", DeliveryState.READ, null)).error())
        .isNull();
  }

  private void sent(String id, String messageId) {
    ledger.claim(id, "run", NOW);
    ledger.sent(id, messageId, SOURCE, NOW);
  }

  private double count(String platform, String status, String result) {
    var counter =
        registry
            .find("sender.statuses")
            .tags("platform", platform, "status", status, "result", result)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static DeliveryStatus status(
      Platform platform, String messageId, DeliveryState state, String echoed) {
    return DeliveryStatus.newBuilder()
        .setPlatform(platform)
        .setMessageId(messageId)
        .setStatus(state)
        .setOccurredAt(NOW)
        .setRecipientId("+2348031234567")
        .setBizOpaqueCallbackData(echoed)
        .setReceivedAt(NOW)
        .build();
  }

  private static DeliveryStatus failed(String messageId, String echoed, int code) {
    DeliveryStatus status = status(Platform.WHATSAPP, messageId, DeliveryState.FAILED, echoed);
    status.setErrors(
        List.of(
            StatusError.newBuilder()
                .setCode(code)
                .setTitle("Message undeliverable")
                .setDetails("Not a WhatsApp user")
                .build()));
    return status;
  }
}
