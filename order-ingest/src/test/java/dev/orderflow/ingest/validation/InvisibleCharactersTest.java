package dev.orderflow.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bidirectional controls and zero-width characters in buyer-facing text are refused. */
class InvisibleCharactersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Price \u202E000,01₦", // right-to-left override
        "Beans\u202Ax", // left-to-right embedding
        "Beans\u2066x\u2069", // left-to-right isolate … pop
        "Be\u200Bans", // zero-width space
        "Be\u2060ans", // word joiner
        "Be\uFEFFans", // zero-width no-break space
        "Be\u200Fans", // right-to-left mark
        "Be\u200Cans", // zero-width non-joiner
        "Be\u00ADans", // soft hyphen
        "Beans\u200D", // a joiner that joins no emoji
      })
  void anInvisibleFormattingCharacterInANameIsRefusedWithItsCode(String name) {
    DraftBuilder draft = new DraftBuilder();
    draft.items.set(0, new DraftItem("BEANS-1", name, 2L, 250_000L));

    assertThat(draft.reasons())
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.INVISIBLE_CHARACTER, "items[0].name"));
    assertThat(draft.reasons().get(0).message()).contains("U+");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thanks 👩🏾‍💻", // woman technologist: ZWJ after a skin-tone modifier
        "Pride 🏳️‍🌈", // rainbow flag: ZWJ after a variation selector
        "Family 👨‍👩‍👧", // two joiners between emoji
        "Scotland 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", // tags
        "Ẹ̀wà Àgbàdo", // combining marks are not formatting characters
      })
  void emojiSequencesAndCombiningMarksAreAccepted(String note) {
    DraftBuilder draft = new DraftBuilder();
    draft.note = note;

    assertThat(draft.validate()).isInstanceOf(ValidationResult.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Note \u202Eevil", "Hi\u200B"})
  void aNoteIsCheckedLikeANameIs(String note) {
    DraftBuilder draft = new DraftBuilder();
    draft.note = note;

    assertThat(draft.reasons())
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.INVISIBLE_CHARACTER, "note"));
  }
}
