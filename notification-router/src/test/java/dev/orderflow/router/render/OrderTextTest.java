package dev.orderflow.router.render;

import static dev.orderflow.router.Fixtures.item;
import static dev.orderflow.router.Fixtures.items;
import static dev.orderflow.router.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.OrderCreated;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderTextTest {
  private static final int INSTAGRAM_LIMIT = 1000;

  @Test
  void aShortOrderListsEveryItemAndTheTotalInEnglish() {
    String text =
        OrderText.render(Messages.forLocale("en-NG"), "Adaeze", order("v:ORD-1", "b"), 1000);

    assertThat(text)
        .isEqualTo(
            """
            Hi Adaeze! Your order ORD-1 is confirmed.

            Items:
            • 2 × Ankara fabric, 6 yards – ₦90,000
            • 1 × Gele head tie – ₦1,290,000

            Total: ₦1,380,000
            We will message you again when it is on its way. Thank you for shopping with us!""");
  }

  @Test
  void aPidginBuyerReadsPidgin() {
    String text =
        OrderText.render(Messages.forLocale("pcm-NG"), "Tunde", order("v:ORD-2", "b"), 1000);

    assertThat(text)
        .startsWith("How far Tunde! We don confirm your order ORD-2.")
        .contains("Wetin you buy:", "Everything na ₦1,380,000")
        .doesNotContain("Thank you for shopping");
  }

  @Test
  void aBuyerWithoutANameIsStillGreeted() {
    assertThat(OrderText.render(Messages.forLocale("en"), null, order("v:ORD-3", "b"), 1000))
        .startsWith("Hi there! Your order ORD-3 is confirmed.");
  }

  @Test
  void aLongListEndsWithHowManyMoreItemsThereAreAndStaysWithinTheByteLimit() {
    // Given 40 items, far more than 1,000 bytes' worth
    OrderCreated order = order("v:ORD-4", "b", items(40));

    // When
    String text = OrderText.render(Messages.forLocale("en"), "Adaeze", order, INSTAGRAM_LIMIT);

    // Then the list is cut between items and says how many are left out
    assertThat(Utf8Text.bytes(text)).isLessThanOrEqualTo(INSTAGRAM_LIMIT);
    long shown = text.lines().filter(l -> l.startsWith("• ")).count();
    assertThat(text).contains("…and " + (40 - shown) + " more items");
    assertThat(text).contains("Total: ₦").endsWith("Thank you for shopping with us!");
    assertThat(shown).isGreaterThan(3);
  }

  @Test
  void aLongListInPidginIsShortenedInPidgin() {
    String text =
        OrderText.render(Messages.forLocale("pcm-NG"), "Tunde", order("v:O", "b", items(40)), 1000);

    assertThat(Utf8Text.bytes(text)).isLessThanOrEqualTo(INSTAGRAM_LIMIT);
    assertThat(text).containsPattern("…plus \\d+ oda items");
  }

  @Test
  void multiByteItemNamesAreCountedInBytesNotCharacters() {
    // Given names of Yoruba with tone marks and emoji: 3-4 bytes per visible character
    List<LineItem> lines =
        IntStream.rangeClosed(1, 30)
            .mapToObj(i -> item("Ọ̀já àdìrẹ 🧵👗 nọ́mbà " + i, 1, 5_000_00))
            .toList();

    String text =
        OrderText.render(Messages.forLocale("en"), "Ṣadé 👑", order("v:O", "b", lines), 1000);

    assertThat(text.length()).isLessThan(1000);
    assertThat(Utf8Text.bytes(text)).isLessThanOrEqualTo(INSTAGRAM_LIMIT);
    assertThat(text).containsPattern("…and \\d+ more items").contains("Ṣadé 👑");
  }

  @Test
  void whenEvenTheHeaderIsTooLongTheTextIsCutAtACharacterBoundary() {
    String hugeName = "Ọ̀".repeat(400);

    String text = OrderText.render(Messages.forLocale("en"), hugeName, order("v:O", "b"), 1000);

    assertThat(Utf8Text.bytes(text)).isLessThanOrEqualTo(INSTAGRAM_LIMIT);
    assertThat(text).endsWith("Ọ̀…");
  }

  @Test
  void largeTotalsAreWrittenInFull() {
    OrderCreated order =
        order("v:O", "b", List.of(item("Generator", 1, 1L)), "NGN", 1_234_567_890_123_45L);

    assertThat(OrderText.render(Messages.forLocale("en"), "A", order, 1000))
        .contains("Total: ₦1,234,567,890,123.45");
  }
}
