package dev.orderflow.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderflow.ingest.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderValidatorTest {
  private final OrderValidator validator = new OrderValidator(ValidationRules.defaults());

  private ValidationResult validate(DraftBuilder draft) {
    return validator.validate(draft.build(), Samples.NOW);
  }

  private List<Reason> reasons(DraftBuilder draft) {
    ValidationResult result = validate(draft);
    assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
    return ((ValidationResult.Invalid) result).reasons();
  }

  @Test
  void aCorrectOrderIsValidAndKeepsYorubaAndEmojiByteForByte() {
    ValidationResult result = validate(new DraftBuilder());

    assertThat(result).isInstanceOf(ValidationResult.Valid.class);
    ValidOrder order = ((ValidationResult.Valid) result).order();
    assertThat(order.orderId()).isEqualTo("vendor-7:ORD-1001");
    assertThat(order.items().get(0).name().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(Samples.YORUBA.getBytes(StandardCharsets.UTF_8));
    assertThat(order.note().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(Samples.EMOJI_NOTE.getBytes(StandardCharsets.UTF_8));
    assertThat(order.totalMinor()).isEqualTo(880_000L);
    assertThat(order.contentHash()).hasSize(64);
  }

  @Test
  void everyBrokenRuleIsReportedNotOnlyTheFirst() {
    DraftBuilder draft = new DraftBuilder();
    draft.vendorId = "vendor 7";
    draft.currency = "XXQ";
    draft.items.set(1, new DraftItem("RICE-5", " ", 0L, -5L));
    draft.totalMinor = 1L;

    assertThat(reasons(draft))
        .extracting(Reason::code, Reason::field)
        .containsExactly(
            tuple(ReasonCode.INVALID_ID, "vendorId"),
            tuple(ReasonCode.INVALID_CURRENCY, "currency"),
            tuple(ReasonCode.TEXT_EMPTY, "items[1].name"),
            tuple(ReasonCode.QUANTITY_OUT_OF_RANGE, "items[1].quantity"),
            tuple(ReasonCode.PRICE_NOT_POSITIVE, "items[1].unitPriceMinor"));
  }

  @Test
  void missingFieldsAreEachNamed() {
    DraftBuilder draft = new DraftBuilder();
    draft.vendorId = null;
    draft.orderId = null;
    draft.buyerId = null;
    draft.currency = null;
    draft.items = null;
    draft.totalMinor = null;
    draft.submittedAt = null;

    assertThat(reasons(draft))
        .allSatisfy(r -> assertThat(r.code()).isEqualTo(ReasonCode.MISSING_FIELD))
        .extracting(Reason::field)
        .containsExactly(
            "vendorId", "orderId", "buyerId", "currency", "items", "totalMinor", "submittedAt");
  }

  @Test
  void aFieldTheReaderAlreadyRejectedIsNotAlsoReportedMissing() {
    DraftBuilder draft = new DraftBuilder();
    draft.totalMinor = null;
    draft.problems.add(new Reason(ReasonCode.WRONG_TYPE, "totalMinor", "was a string"));

    assertThat(reasons(draft)).extracting(Reason::code).containsExactly(ReasonCode.WRONG_TYPE);
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

  @Test
  void anUnknownCurrencyCodeIsInvalidAndAKnownButUnconfiguredOneIsNotAllowed() {
    DraftBuilder unknown = new DraftBuilder();
    unknown.currency = "naira";
    DraftBuilder notAllowed = new DraftBuilder();
    notAllowed.currency = "USD";

    assertThat(reasons(unknown))
        .extracting(Reason::code)
        .containsExactly(ReasonCode.INVALID_CURRENCY);
    assertThat(reasons(notAllowed))
        .extracting(Reason::code)
        .containsExactly(ReasonCode.CURRENCY_NOT_ALLOWED);
  }

  @Test
  void currenciesAddedByConfigAreAccepted() {
    OrderValidator multiCurrency =
        new OrderValidator(ValidationRules.defaults().withAllowedCurrencies(Set.of("NGN", "GHS")));
    DraftBuilder draft = new DraftBuilder();
    draft.currency = "GHS";

    assertThat(multiCurrency.validate(draft.build(), Samples.NOW))
        .isInstanceOf(ValidationResult.Valid.class);
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

  @Test
  void aTimestampMoreThanFiveMinutesAheadIsRefused() {
    DraftBuilder ahead = new DraftBuilder();
    ahead.submittedAt = Samples.NOW.plus(Duration.ofMinutes(6));
    DraftBuilder justInside = new DraftBuilder();
    justInside.submittedAt = Samples.NOW.plus(Duration.ofMinutes(5));

    assertThat(reasons(ahead))
        .extracting(Reason::code)
        .containsExactly(ReasonCode.TIMESTAMP_IN_FUTURE);
    assertThat(validate(justInside)).isInstanceOf(ValidationResult.Valid.class);
  }

  @Test
  void aTimestampOlderThanThirtyDaysIsRefused() {
    DraftBuilder draft = new DraftBuilder();
    draft.submittedAt = Samples.NOW.minus(Duration.ofDays(31));

    assertThat(reasons(draft))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo(ReasonCode.TIMESTAMP_TOO_OLD);
              assertThat(r.message()).contains("31 days old");
            });
  }

  @Test
  void theNumberOfReasonsIsCappedAndTheCapIsSaid() {
    DraftBuilder draft = new DraftBuilder();
    draft.items = new ArrayList<>(Collections.nCopies(100, new DraftItem("", "", 0L, 0L)));

    List<Reason> reasons = reasons(draft);

    assertThat(reasons).hasSize(51);
    assertThat(reasons.get(50).code()).isEqualTo(ReasonCode.TOO_MANY_REASONS);
    assertThat(reasons.get(50).message()).startsWith("350 further reasons");
  }
}
