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

class OrderValidatorTest {
  private static ValidationResult validate(DraftBuilder draft) {
    return draft.validate();
  }

  private static List<Reason> reasons(DraftBuilder draft) {
    return draft.reasons();
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
