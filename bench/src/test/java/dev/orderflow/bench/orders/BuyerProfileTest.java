package dev.orderflow.bench.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class BuyerProfileTest {

  @Test
  void aWhatsappBuyerItemHasThePhoneAndNoInstagramId() {
    var item = BuyerProfile.whatsapp("b-1", "+2348012345678", "Ngozi", "pcm").toItem();

    assertThat(item)
        .containsEntry("buyerId", AttributeValue.fromS("b-1"))
        .containsEntry("platform", AttributeValue.fromS("WHATSAPP"))
        .containsEntry("whatsappPhone", AttributeValue.fromS("+2348012345678"))
        .containsEntry("locale", AttributeValue.fromS("pcm"))
        .containsEntry("optedOut", AttributeValue.fromBool(false))
        .doesNotContainKey("instagramScopedId");
  }

  @Test
  void aBuyerWithoutPlatformHasNoPlatformAttribute() {
    var item =
        BuyerProfile.whatsapp("b-2", "+2348012345678", "Tunde", "en").withoutPlatform().toItem();

    assertThat(item).doesNotContainKey("platform");
  }

  @Test
  void anOptedOutBuyerSaysSo() {
    var item = BuyerProfile.instagram("b-3", "17841", "Aisha", "en").optOut().toItem();

    assertThat(item).containsEntry("optedOut", AttributeValue.fromBool(true));
  }
}
