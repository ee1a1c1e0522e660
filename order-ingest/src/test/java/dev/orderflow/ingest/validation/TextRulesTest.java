package dev.orderflow.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderflow.ingest.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  private static ValidationResult validate(DraftBuilder draft) {
    return draft.validate();
  }

  private static List<Reason> reasons(DraftBuilder draft) {
    return draft.reasons();
  }

  @Test
  void textIsTrimmedButOtherwiseUnchanged() {
    DraftBuilder draft = new DraftBuilder();
    draft.items.set(0, new DraftItem("BEANS-1", "\t" + Samples.YORUBA + "  ", 2L, 250_000L));

    ValidationResult result = validate(draft);

    assertThat(result).isInstanceOf(ValidationResult.Valid.class);
    ValidItem item = ((ValidationResult.Valid) result).order().items().get(0);
    assertThat(item.name()).isEqualTo(Samples.YORUBA);
  }

  @Test
  void textLongerThanItsBoundIsRefusedCountingEmojiOnce() {
    DraftBuilder fits = new DraftBuilder();
    fits.items.set(0, new DraftItem("BEANS-1", "🙏".repeat(200), 2L, 250_000L));
    DraftBuilder tooLong = new DraftBuilder();
    tooLong.items.set(0, new DraftItem("BEANS-1", "a".repeat(201), 2L, 250_000L));

    assertThat(validate(fits)).isInstanceOf(ValidationResult.Valid.class);
    assertThat(reasons(tooLong))
        .extracting(Reason::code, Reason::field)
        .containsExactly(tuple(ReasonCode.TEXT_TOO_LONG, "items[0].name"));
  }

  @Test
  void controlCharactersAreRefusedInNamesButNewlinesAreFineInANote() {
    DraftBuilder draft = new DraftBuilder();
    draft.items.set(0, new DraftItem("BEANS-1", "Beans\u0007", 2L, 250_000L));
    draft.note = "Line one\nLine two";

    assertThat(reasons(draft))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(ReasonCode.CONTROL_CHARACTER);
              assertThat(r.message()).contains("U+0007");
            });
  }

  @Test
  void aBlankNoteMeansNoNote() {
    DraftBuilder draft = new DraftBuilder();
    draft.note = "   ";

    ValidationResult result = validate(draft);

    assertThat(result).isInstanceOf(ValidationResult.Valid.class);
    assertThat(((ValidationResult.Valid) result).order().note()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a b",
        "ord/1",
        "ördér",
        "x12345678901234567890123456789012345678901234567890123456789012345"
      })
  void idsOutsideTheAllowedFormAreRefused(String id) {
    DraftBuilder draft = new DraftBuilder();
    draft.orderId = id;

    assertThat(reasons(draft))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(ReasonCode.INVALID_ID);
              assertThat(r.field()).isEqualTo("orderId");
              assertThat(r.message()).contains("1 to 64 characters");
            });
  }

  @Test
  void anIdOfExactlySixtyFourAllowedCharactersIsAccepted() {
    DraftBuilder draft = new DraftBuilder();
    draft.orderId = "A._-".repeat(16);

    assertThat(validate(draft)).isInstanceOf(ValidationResult.Valid.class);
  }
}
