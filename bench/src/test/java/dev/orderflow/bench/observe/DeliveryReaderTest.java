package dev.orderflow.bench.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.devservers.meta.DeliveredMessage;
import dev.orderflow.devservers.meta.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-11-26T09:15:01Z");

  @Test
  void aTemplateNamesTheOrderInParameterTwoAndTheTotalInAmount1000() throws Exception {
    List<JsonNode> parameters =
        List.of(
            JSON.readTree("{\"type\":\"text\",\"text\":\"Ngozi\"}"),
            JSON.readTree("{\"type\":\"text\",\"text\":\"r1-7\"}"),
            JSON.readTree(
                "{\"type\":\"currency\",\"currency\":{\"fallback_value\":\"₦1,380,000\","
                    + "\"code\":\"NGN\",\"amount_1000\":1380000000}}"),
            JSON.readTree("{\"type\":\"text\",\"text\":\"1 × iPhone 15 Pro\"}"));
    DeliveredMessage message =
        new DeliveredMessage(
            "wamid.1",
            Platform.WHATSAPP,
            "100",
            "2348012345678",
            "template",
            "order_confirmation",
            "en",
            parameters,
            null,
            AT,
            "oken");

    assertThat(DeliveryReader.read(List.of(message)))
        .containsExactly(
            new Delivery("r1-7", Platform.WHATSAPP, "2348012345678", 138_000_000L, AT, "wamid.1"));
  }

  @Test
  void freeTextNamesTheOrderAfterTheWordOrderAndEndsWithTheTotal() {
    String text =
        "How far Tunde! We don confirm your order r1-9.\n\nWetin you buy:\n"
            + "• 1 × iPhone 15 Pro – ₦1,200,000\n• 1 × AirPods Pro – ₦180,000\n\n"
            + "Everything na ₦1,380,000\nWe go message you again once e don dey come.";
    DeliveredMessage message =
        new DeliveredMessage(
            "m_1", Platform.INSTAGRAM, "178", "17000", "text", null, null, null, text, AT, "oken");

    assertThat(DeliveryReader.read(List.of(message)))
        .containsExactly(
            new Delivery("r1-9", Platform.INSTAGRAM, "17000", 138_000_000L, AT, "m_1"));
  }

  @Test
  void koboAreReadFromAnAmountWithDecimals() {
    assertThat(DeliveryReader.textTotal("Total: ₦1,380,000.50")).isEqualTo(138_000_050L);
  }

  @Test
  void aMessageNamingNoOrderIsLeftOut() {
    DeliveredMessage message =
        new DeliveredMessage(
            "m_2", Platform.INSTAGRAM, "178", "17000", "text", null, null, null, "hello", AT, "x");

    assertThat(DeliveryReader.read(List.of(message))).isEmpty();
  }
}
