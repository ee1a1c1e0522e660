package dev.orderflow.router.topology;

import static dev.orderflow.router.Fixtures.item;
import static dev.orderflow.router.Fixtures.items;
import static dev.orderflow.router.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.router.FakeBuyerDirectory;
import dev.orderflow.router.Fixtures;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.render.Utf8Text;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What buyers read, end to end through the topology. */
class RouterRenderingTest {
  @TempDir Path stateDir;
  private final FakeBuyerDirectory directory = new FakeBuyerDirectory();
  private RouterDriver router;

  @BeforeEach
  void start() {
    router = new RouterDriver(directory, stateDir);
  }

  @AfterEach
  void close() {
    router.close();
  }

  @ParameterizedTest(name = "buyer locale {0}: text in {1}, template in {2}")
  @CsvSource({
    "en-NG, en-NG, en, Hi Adaeze!",
    "pcm-NG, pcm-NG, en, How far Adaeze!",
    "yo-NG, en-NG, en, Hi Adaeze!",
    "'', en, en, Hi Adaeze!",
  })
  void whatsAppTextFollowsTheBuyersLocaleAndTheTemplateItsApprovedLanguage(
      String buyerLocale, String renderedLocale, String templateLanguage, String greeting) {
    NotificationRequested n = routeToWhatsApp(buyerLocale, order("v:ORD-1", "b-1"));

    assertThat(n.getLocale()).isEqualTo(renderedLocale);
    assertThat(n.getText()).startsWith(greeting);
    assertThat(n.getTemplate().getName()).isEqualTo("order_confirmation");
    assertThat(n.getTemplate().getLanguageCode()).isEqualTo(templateLanguage);
    assertThat(n.getInsideServiceWindow()).isFalse();
  }

  @Test
  void theWhatsAppTemplateCarriesTheTotalAsACurrencyWithAmount1000() {
    NotificationRequested n = routeToWhatsApp("pcm-NG", order("v:ORD-2", "b-1", items(6)));

    List<TemplateParameter> parameters = n.getTemplate().getParameters();
    assertThat(parameters)
        .extracting(TemplateParameter::getType)
        .containsExactly(
            TemplateParameterType.TEXT,
            TemplateParameterType.TEXT,
            TemplateParameterType.CURRENCY,
            TemplateParameterType.TEXT);
    assertThat(parameters.get(2).getText()).isEqualTo("₦262,500");
    assertThat(parameters.get(2).getCurrencyCode()).isEqualTo("NGN");
    assertThat(parameters.get(2).getAmount1000()).isEqualTo(262_500_000L);
    // The template is English, so its parameters are too, even for a Pidgin reader.
    assertThat(parameters.get(3).getText()).endsWith("and 3 more items");
  }

  @ParameterizedTest(name = "{0} kobo is written {1} (amount_1000 {2})")
  @CsvSource({
    "138000000, '₦1,380,000', 1380000000",
    "138000050, '₦1,380,000.50', 1380000500",
    "123456789012345, '₦1,234,567,890,123.45', 1234567890123450",
  })
  void largeTotalsAndKoboAreRenderedExactly(long totalMinor, String written, long amount1000) {
    NotificationRequested n =
        routeToWhatsApp(
            "en", order("v:ORD-3", "b-1", List.of(item("Generator", 1, 1)), "NGN", totalMinor));

    TemplateParameter total = n.getTemplate().getParameters().get(2);
    assertThat(total.getText()).isEqualTo(written);
    assertThat(total.getAmount1000()).isEqualTo(amount1000);
    assertThat(n.getText()).contains("Total: " + written);
    assertThat(n.getTotalMinor()).isEqualTo(totalMinor);
  }

  @ParameterizedTest(name = "locale {0}")
  @CsvSource({"en-NG, '…and \\d+ more items'", "pcm-NG, '…plus \\d+ oda items'"})
  void aLongInstagramOrderIsShortenedToFitOneThousandBytes(String locale, String morePattern) {
    directory.with(
        new Buyer("b-2", "INSTAGRAM", null, "1784", "Ṣadé 👑", locale, false, Fixtures.NOW));

    router.orders.pipeInput("v:ORD-4", order("v:ORD-4", "b-2", items(60)));

    String text = router.instagram.readValue().getText();
    assertThat(Utf8Text.bytes(text)).isLessThanOrEqualTo(1000).isGreaterThan(800);
    assertThat(text).containsPattern(morePattern).contains("Ṣadé 👑");
  }

  @Test
  void aShortInstagramOrderListsEveryItem() {
    directory.with(Fixtures.instagramBuyer("b-2", "en"));

    router.orders.pipeInput("v:ORD-5", order("v:ORD-5", "b-2", items(3)));

    String text = router.instagram.readValue().getText();
    assertThat(text.lines().filter(l -> l.startsWith("• "))).hasSize(3);
    assertThat(text).doesNotContain("more item");
  }

  private NotificationRequested routeToWhatsApp(String locale, OrderCreated order) {
    directory.with(
        new Buyer(
            "b-1", "WHATSAPP", "+2348031234567", null, "Adaeze", locale, false, Fixtures.NOW));
    router.orders.pipeInput(order.getOrderId(), order);
    return router.whatsapp.readValue();
  }
}
