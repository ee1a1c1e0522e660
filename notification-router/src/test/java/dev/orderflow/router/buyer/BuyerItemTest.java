package dev.orderflow.router.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BuyerItemTest {

  @Test
  void aFullItemBecomesABuyer() {
    Map<String, AttributeValue> item =
        Map.of(
            "buyerId", AttributeValue.fromS("b-1"),
            "platform", AttributeValue.fromS("WHATSAPP"),
            "whatsappPhone", AttributeValue.fromS(" +2348031234567 "),
            "displayName", AttributeValue.fromS("Adaeze"),
            "locale", AttributeValue.fromS("pcm-NG"),
            "optedOut", AttributeValue.fromBool(false),
            "updatedAt", AttributeValue.fromS("2026-03-01T10:00:00Z"));

    assertThat(BuyerItem.toBuyer("b-1", item))
        .isEqualTo(
            new Buyer(
                "b-1",
                "WHATSAPP",
                "+2348031234567",
                null,
                "Adaeze",
                "pcm-NG",
                false,
                Instant.parse("2026-03-01T10:00:00Z")));
  }

  @Test
  void blankAndMissingAttributesAreAbsentAndOptOutDefaultsToFalse() {
    Map<String, AttributeValue> item =
        Map.of(
            "buyerId", AttributeValue.fromS("b-2"),
            "platform", AttributeValue.fromS("  "),
            "updatedAt", AttributeValue.fromN("1772359200000"));

    Buyer buyer = BuyerItem.toBuyer("b-2", item);

    assertThat(buyer.platform()).isNull();
    assertThat(buyer.optedOut()).isFalse();
    assertThat(buyer.updatedAt()).isEqualTo(Instant.ofEpochMilli(1772359200000L));
  }

  @Test
  void aBuyerNeverPrintsItsContactDetails() {
    Buyer buyer =
        new Buyer("b-3", "WHATSAPP", "+2348031234567", "1784", "Adaeze", "en", false, null);

    assertThat(buyer.toString()).doesNotContain("2348031234567", "1784", "Adaeze");
  }

  @Test
  void theLastInboundTimeIsReadFromEpochMillisAndAbsentWhenNeverWritten() {
    Map<String, AttributeValue> item =
        Map.of(
            "buyerId", AttributeValue.fromS("b-3"),
            "lastInboundAt", AttributeValue.fromN("1772359200000"),
            "optedOut", AttributeValue.fromBool(true));

    Buyer buyer = BuyerItem.toBuyer("b-3", item);

    assertThat(buyer.lastInboundAt()).isEqualTo(Instant.ofEpochMilli(1772359200000L));
    assertThat(buyer.optedOut()).isTrue();
    assertThat(
            BuyerItem.toBuyer("b-4", Map.of("buyerId", AttributeValue.fromS("b-4")))
                .lastInboundAt())
        .isNull();
  }
}
