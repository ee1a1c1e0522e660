package dev.orderflow.devservers.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPlanTest {
  private static final Instant ACCEPTED = Instant.parse("2026-12-01T10:00:00Z");
  private static final WebhookSettings SETTINGS =
      WebhookSettings.defaults().withUrl("http://127.0.0.1:1/hook").withDelays(100, 2_000, 5_000L);

  @Test
  void aWhatsAppMessageIsSentThenDeliveredThenReadEachAfterItsDelay() {
    List<WebhookCall> calls = StatusPlan.plan(whatsapp("ord-1:whatsapp"), SETTINGS, null);

    assertThat(calls).extracting(WebhookCall::event).containsExactly("sent", "delivered", "read");
    assertThat(calls).extracting(WebhookCall::delayMs).containsExactly(100L, 2_000L, 5_000L);
    assertThat(calls)
        .extracting(c -> status(c).path("timestamp").asLong())
        .containsExactly(1_796_119_200L, 1_796_119_202L, 1_796_119_205L);
    JsonNode delivered = status(calls.get(1));
    assertThat(delivered.path("id").asText()).isEqualTo("wamid.1");
    assertThat(delivered.path("recipient_id").asText()).isEqualTo("2348030000001");
    assertThat(delivered.path("biz_opaque_callback_data").asText()).isEqualTo("ord-1:whatsapp");
    assertThat(delivered.at("/pricing/category").asText()).isEqualTo("utility");
    assertThat(body(calls.get(1)).at("/entry/0/changes/0/value/metadata/phone_number_id").asText())
        .isEqualTo(SimulatorSettings.DEFAULT_PHONE_NUMBER_ID);
  }

  @Test
  void reorderedStatusesArriveReadFirstWithTheirTimestampsStillInEventOrder() {
    List<WebhookCall> calls = StatusPlan.plan(whatsapp(null), SETTINGS.withReorder(true), null);

    assertThat(calls).extracting(WebhookCall::event).containsExactly("sent", "delivered", "read");
    assertThat(calls).extracting(WebhookCall::delayMs).containsExactly(5_000L, 2_000L, 100L);
    assertThat(status(calls.get(2)).path("timestamp").asLong()).isEqualTo(1_796_119_205L);
    assertThat(status(calls.get(0)).has("biz_opaque_callback_data")).isFalse();
  }

  @Test
  void duplicatesRepeatEveryCallRightAfterIt() {
    List<WebhookCall> calls =
        StatusPlan.plan(whatsapp(null), SETTINGS.withDuplicates(1).withDelays(0, 10, null), null);

    assertThat(calls)
        .extracting(WebhookCall::event)
        .containsExactly("sent", "sent", "delivered", "delivered");
    assertThat(calls).extracting(WebhookCall::delayMs).containsExactly(0L, 5L, 10L, 15L);
    assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
  }

  @Test
  void aScriptedFailureIsSentThenFailedWithItsErrorAndNeverRead() {
    List<WebhookCall> calls =
        StatusPlan.plan(
            whatsapp("ord-2:whatsapp"), SETTINGS, AsyncFailure.undeliverable("+2348030000001"));

    assertThat(calls).extracting(WebhookCall::event).containsExactly("sent", "failed");
    JsonNode failed = status(calls.get(1));
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/errors/0/code").asInt()).isEqualTo(131026);
    assertThat(failed.at("/errors/0/title").asText()).isEqualTo("Message undeliverable");
    assertThat(failed.at("/errors/0/error_data/details").asText())
        .isEqualTo("Message Undeliverable.");
    assertThat(failed.has("pricing")).isFalse();
    assertThat(failed.path("biz_opaque_callback_data").asText()).isEqualTo("ord-2:whatsapp");
  }

  @Test
  void anInstagramMessageIsEchoedThenReadWithTheBuyerAsReader() {
    DeliveredMessage message =
        new DeliveredMessage(
            "mid.1",
            Platform.INSTAGRAM,
            SimulatorSettings.DEFAULT_INSTAGRAM_ID,
            "6800000000000001",
            "text",
            null,
            null,
            List.of(),
            "Your order…",
            ACCEPTED,
            "xxxx");

    List<WebhookCall> calls = StatusPlan.plan(message, SETTINGS, null);

    assertThat(calls).extracting(WebhookCall::event).containsExactly("sent", "read");
    JsonNode echo = body(calls.get(0)).at("/entry/0/messaging/0");
    assertThat(echo.at("/sender/id").asText()).isEqualTo(SimulatorSettings.DEFAULT_INSTAGRAM_ID);
    assertThat(echo.at("/recipient/id").asText()).isEqualTo("6800000000000001");
    assertThat(echo.at("/message/is_echo").asBoolean()).isTrue();
    assertThat(echo.at("/message/mid").asText()).isEqualTo("mid.1");
    assertThat(echo.path("timestamp").asLong()).isEqualTo(ACCEPTED.toEpochMilli() + 100);
    JsonNode read = body(calls.get(1)).at("/entry/0/messaging/0");
    assertThat(read.at("/sender/id").asText()).isEqualTo("6800000000000001");
    assertThat(read.at("/read/mid").asText()).isEqualTo("mid.1");
  }

  @Test
  void withoutReadDelayTheBuyerNeverReads() {
    List<WebhookCall> calls =
        StatusPlan.plan(whatsapp(null), SETTINGS.withDelays(0, 10, null), null);

    assertThat(calls).extracting(WebhookCall::event).containsExactly("sent", "delivered");
  }

  private static DeliveredMessage whatsapp(String callbackData) {
    return new DeliveredMessage(
        "wamid.1",
        Platform.WHATSAPP,
        SimulatorSettings.DEFAULT_PHONE_NUMBER_ID,
        "2348030000001",
        "template",
        "order_confirmation",
        "en",
        List.of(),
        null,
        ACCEPTED,
        "xxxx",
        callbackData);
  }

  private static JsonNode status(WebhookCall call) {
    return body(call).at("/entry/0/changes/0/value/statuses/0");
  }

  private static JsonNode body(WebhookCall call) {
    try {
      return Json.MAPPER.readTree(call.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
