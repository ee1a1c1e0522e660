package dev.orderflow.router.route;

import static dev.orderflow.router.Fixtures.NOW;
import static dev.orderflow.router.Fixtures.instagramBuyer;
import static dev.orderflow.router.Fixtures.order;
import static dev.orderflow.router.Fixtures.whatsappBuyer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerLookup;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteDeciderTest {
  private final RouteDecider decider = new RouteDecider(RenderSettings.defaults());

  @Test
  void aWhatsAppBuyerGetsATemplateAndFreeTextAddressedToTheirPhone() {
    Route route =
        decider.decide(
            order("v:ORD-1", "b-1"), new BuyerLookup.Found(whatsappBuyer("b-1", "pcm-NG")), NOW);

    assertThat(route).isInstanceOf(Route.ToPlatform.class);
    Route.ToPlatform toPlatform = (Route.ToPlatform) route;
    NotificationRequested n = toPlatform.notification();
    assertThat(toPlatform.channel()).isEqualTo(Channel.WHATSAPP);
    assertThat(n.getNotificationId()).isEqualTo("v:ORD-1:whatsapp");
    assertThat(n.getPlatform()).isEqualTo(Platform.WHATSAPP);
    assertThat(n.getRecipient()).isEqualTo("+2348031234567");
    assertThat(n.getLocale()).isEqualTo("pcm-NG");
    assertThat(n.getText()).startsWith("How far Adaeze!");
    assertThat(n.getTemplate().getName()).isEqualTo("order_confirmation");
    assertThat(n.getTemplate().getLanguageCode()).isEqualTo("en");
    assertThat(n.getTemplate().getParameters()).hasSize(4);
    assertThat(n.getInsideServiceWindow()).isFalse();
    assertThat(n.getCorrelationId()).isEqualTo("corr-v:ORD-1");
    assertThat(n.getRequestedAt()).isEqualTo(NOW);
    assertThat(n.getTotalMinor()).isEqualTo(1_380_000_00L);
  }

  @Test
  void anInstagramBuyerGetsTextOnlyAddressedToTheirScopedId() {
    Route route =
        decider.decide(
            order("v:ORD-2", "b-2"), new BuyerLookup.Found(instagramBuyer("b-2", "en-NG")), NOW);

    NotificationRequested n = ((Route.ToPlatform) route).notification();
    assertThat(n.getNotificationId()).isEqualTo("v:ORD-2:instagram");
    assertThat(n.getRecipient()).isEqualTo("17841400000000001");
    assertThat(n.getTemplate()).isNull();
    assertThat(n.getLocale()).isEqualTo("en-NG");
    assertThat(n.getText()).startsWith("Hi Tunde!");
  }

  @Test
  void anUnknownBuyerIsUnroutable() {
    assertThat(decider.decide(order("v:O", "b-x"), new BuyerLookup.Unknown("b-x"), NOW))
        .isEqualTo(
            new Route.Unroutable(UnroutableReason.UNKNOWN_BUYER, "no buyer b-x in the directory"));
  }

  @ParameterizedTest(name = "platform={0} phone={1} igsid={2} optedOut={3} -> {4}")
  @CsvSource({
    "WHATSAPP, +2348031234567, , true, OPTED_OUT",
    ", +2348031234567, , false, NO_PLATFORM",
    "TELEGRAM, +2348031234567, , false, UNSUPPORTED_PLATFORM",
    "WHATSAPP, , 1784, false, NO_CONTACT",
    "WHATSAPP, 08031234567, , false, NO_CONTACT",
    "INSTAGRAM, +2348031234567, , false, NO_CONTACT",
  })
  void buyersThatCannotBeReachedAreUnroutableWithTheReason(
      String platform, String phone, String igsid, boolean optedOut, UnroutableReason reason) {
    Buyer buyer = new Buyer("b-3", platform, phone, igsid, "Ngozi", "en", optedOut, NOW);

    Route route = decider.decide(order("v:O", "b-3"), new BuyerLookup.Found(buyer), NOW);

    assertThat(route).isInstanceOf(Route.Unroutable.class);
    assertThat(((Route.Unroutable) route).reason()).isEqualTo(reason);
  }

  @Test
  void platformNamesAreMatchedWithoutRegardToCase() {
    Buyer buyer = new Buyer("b-4", "whatsapp", "+2348031234567", null, "A", "en", false, NOW);

    assertThat(decider.decide(order("v:O", "b-4"), new BuyerLookup.Found(buyer), NOW))
        .isInstanceOf(Route.ToPlatform.class);
  }

  @Test
  void everyPlatformOfTheContractHasAChannel() {
    for (Platform platform : Platform.values()) {
      assertThat(Channel.of(platform).platform()).isEqualTo(platform);
    }
  }

  @Test
  void everyChannelHasItsOwnTopic() {
    assertThat(Channel.WHATSAPP.defaultTopic()).isEqualTo("notify.whatsapp.v1");
    assertThat(Channel.INSTAGRAM.defaultTopic()).isEqualTo("notify.instagram.v1");
  }

  @ParameterizedTest(name = "last inbound {0} min before the order -> inside window {1}")
  @CsvSource({"1, true", "1439, true", "1440, false", "1441, false"})
  void aWhatsAppBuyerWhoWroteWithinTwentyFourHoursIsInsideTheServiceWindow(
      long minutesAgo, boolean inside) {
    Buyer buyer =
        whatsappBuyer("b-5", "en-NG").withLastInboundAt(NOW.minusSeconds(minutesAgo * 60));

    Route route = decider.decide(order("v:O5", "b-5"), new BuyerLookup.Found(buyer), NOW);

    assertThat(((Route.ToPlatform) route).notification().getInsideServiceWindow())
        .isEqualTo(inside);
  }

  @Test
  void aBuyerWhoNeverWroteIsOutsideTheWindow() {
    Route route =
        decider.decide(
            order("v:O6", "b-6"), new BuyerLookup.Found(whatsappBuyer("b-6", "en-NG")), NOW);

    assertThat(((Route.ToPlatform) route).notification().getInsideServiceWindow()).isFalse();
  }

  @Test
  void anOptedOutBuyerInsideTheWindowIsStillNotMessaged() {
    Buyer buyer = new Buyer("b-7", "WHATSAPP", "+2348031234567", null, "A", "en", true, NOW, NOW);

    assertThat(decider.decide(order("v:O7", "b-7"), new BuyerLookup.Found(buyer), NOW))
        .isEqualTo(
            new Route.Unroutable(UnroutableReason.OPTED_OUT, "buyer opted out of notifications"));
  }
}
