package dev.orderflow.router.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {
  private final OptOutKeywords keywords = OptOutKeywords.defaults();

  @ParameterizedTest
  @ValueSource(
      strings = {"STOP", " stop ", "Stop\n", "UNSUBSCRIBE", "stop  am", "Dawọ duro", "KWUSI"})
  void wholeMessageKeywordsOptOutWhateverTheCaseAndSpacing(String text) {
    assertThat(keywords.match(text)).contains(OptOutKeywords.Verdict.OPT_OUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"START", "start", " Start am ", "fara"})
  void startAndItsEquivalentsOptBackIn(String text) {
    assertThat(keywords.match(text)).contains(OptOutKeywords.Verdict.OPT_IN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"please stop", "STOP!", "stop sending me", "cancel", "duro", "", "  "})
  void anythingElseIsAConversation(String text) {
    assertThat(keywords.match(text)).isEmpty();
  }

  @Test
  void aDotBelowTypedAsACombiningMarkMatches() {
    assertThat(keywords.match("Dawo\u0323 duro")).contains(OptOutKeywords.Verdict.OPT_OUT);
  }

  @Test
  void noTextIsNoVerdict() {
    assertThat(keywords.match(null)).isEqualTo(Optional.empty());
  }

  @Test
  void configuredListsReplaceTheDefaultsAndMustNotOverlap() {
    OptOutKeywords custom = new OptOutKeywords(List.of("HALT"), List.of("GO"));
    assertThat(custom.match("halt")).contains(OptOutKeywords.Verdict.OPT_OUT);
    assertThat(custom.match("stop")).isEmpty();
    assertThatThrownBy(() -> new OptOutKeywords(List.of("STOP"), List.of("stop")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
