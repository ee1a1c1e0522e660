package dev.orderflow.router.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

  @ParameterizedTest(name = "buyer locale ''{0}'' is rendered in {1} as {2}")
  @CsvSource({
    "pcm-NG, pcm, pcm-NG",
    "pcm, pcm, pcm",
    "en-NG, en, en-NG",
    "en_GB, en, en-GB",
    "yo-NG, en, en-NG",
    "fr, en, en",
    "'', en, en",
  })
  void theBuyersLanguageIsUsedWhenThereIsABundleForItAndEnglishOtherwise(
      String buyerLocale, String language, String tag) {
    Messages messages = Messages.forLocale(buyerLocale);

    assertThat(messages.language()).isEqualTo(language);
    assertThat(messages.tag()).isEqualTo(tag);
  }

  @ParameterizedTest
  @CsvSource({"en, 1, …and 1 more item", "en, 3, …and 3 more items", "pcm, 3, …plus 3 oda items"})
  void moreItemsIsPluralisedPerLanguage(String locale, int hidden, String expected) {
    assertThat(Messages.forLocale(locale).get("items.more", hidden)).isEqualTo(expected);
  }
}
