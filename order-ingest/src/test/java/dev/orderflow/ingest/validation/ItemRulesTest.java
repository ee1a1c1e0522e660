package dev.orderflow.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItemRulesTest {

  private static ValidationResult validate(DraftBuilder draft) {
    return draft.validate();
  }

  private static List<Reason> reasons(DraftBuilder draft) {
    return draft.reasons();
  }

  @Test
  void anOrderWithoutItemsIsRefused() {
    DraftBuilder draft = new DraftBuilder();
    draft.items = List.of();
    draft.totalMinor = 0L;

    assertThat(reasons(draft)).extracting(Reason::code).containsExactly(ReasonCode.NO_ITEMS);
  }

  @Test
  void moreThanOneHundredItemsAreRefused() {
    DraftBuilder draft = new DraftBuilder();
    draft.items = Collections.nCopies(101, new DraftItem("SKU", "Thing", 1L, 100L));
    draft.totalMinor = 10_100L;

    assertThat(reasons(draft))
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("101 items; at most 100"));
  }

  @Test
  void exactlyOneHundredItemsAreAccepted() {
    DraftBuilder draft = new DraftBuilder();
    draft.items = Collections.nCopies(100, new DraftItem("SKU", "Thing", 1L, 100L));
    draft.totalMinor = 10_000L;

    assertThat(validate(draft)).isInstanceOf(ValidationResult.Valid.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 10_001, Integer.MAX_VALUE + 1L})
  void quantitiesOutsideOneToTenThousandAreRefused(long quantity) {
    DraftBuilder draft = new DraftBuilder();
    draft.items.set(0, new DraftItem("BEANS-1", "Beans", quantity, 1L));

    assertThat(reasons(draft))
        .extracting(Reason::code, Reason::field)
        .contains(tuple(ReasonCode.QUANTITY_OUT_OF_RANGE, "items[0].quantity"));
  }

  @Test
  void theTotalMustEqualTheSumOfTheItemsExactly() {
    DraftBuilder draft = new DraftBuilder();
    draft.totalMinor = 879_999L;

    assertThat(reasons(draft))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(ReasonCode.TOTAL_MISMATCH);
              assertThat(r.field()).isEqualTo("totalMinor");
              assertThat(r.message()).contains("879999").contains("880000");
            });
  }

  @Test
  void aSumBeyondSixtyFourBitsIsAnOverflowNotAWrappedTotal() {
    DraftBuilder draft = new DraftBuilder();
    draft.items =
        List.of(
            new DraftItem("A", "A", 10_000L, Long.MAX_VALUE / 10_000 + 1),
            new DraftItem("B", "B", 1L, 1L));
    draft.totalMinor = 1L;

    assertThat(reasons(draft)).extracting(Reason::code).containsExactly(ReasonCode.TOTAL_OVERFLOW);
  }
}
