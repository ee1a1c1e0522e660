package dev.orderflow.router.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8TextTest {

  @ParameterizedTest
  @ValueSource(strings = {"plain ascii", "₦1,380,000", "Ọ̀ṣun àti Ṣàngó", "👨‍👩‍👧 family", "é"})
  void bytesCountsUtf8BytesNotChars(String text) {
    assertThat(Utf8Text.bytes(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void textThatFitsIsReturnedUnchanged() {
    assertThat(Utf8Text.truncate("Ẹ kú àárọ̀", 100)).isEqualTo("Ẹ kú àárọ̀");
  }

  @Test
  void anEmojiSequenceIsNeverCutInHalf() {
    // Given a family emoji (7 code points, 18 bytes) repeated
    String families = "👨‍👩‍👧".repeat(5);

    // When cut to a budget that ends inside the second one
    String cut = Utf8Text.truncate(families, 30);

    // Then only whole emoji remain
    assertThat(cut).isEqualTo("👨‍👩‍👧…");
    assertThat(Utf8Text.bytes(cut)).isLessThanOrEqualTo(30);
  }

  @Test
  void aYorubaLetterKeepsItsToneMarks() {
    // "Ọ̀" is O + combining dot below + combining grave: one grapheme, 5 bytes
    String word = "aỌ̀Ọ̀Ọ̀";
    for (int budget = 4; budget <= Utf8Text.bytes(word); budget++) {
      String cut = Utf8Text.truncate(word, budget);
      String kept = cut.endsWith(Utf8Text.ELLIPSIS) ? cut.substring(0, cut.length() - 1) : cut;
      assertThat(kept.replace("Ọ̀", "")).as("budget %d gives %s", budget, cut).isIn("", "a");
      assertThat(Utf8Text.bytes(cut)).isLessThanOrEqualTo(budget);
    }
  }
}
