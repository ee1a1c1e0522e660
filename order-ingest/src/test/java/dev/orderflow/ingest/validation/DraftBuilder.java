package dev.orderflow.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.ingest.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A valid draft (880,000 kobo in NGN) that each test changes in one place. */
final class DraftBuilder {
  String vendorId = "vendor-7";
  String orderId = "ORD-1001";
  String buyerId = "buyer-42";
  String currency = "NGN";
  List<DraftItem> items =
      new ArrayList<>(
          List.of(
              new DraftItem("BEANS-1", Samples.YORUBA, 2L, 250_000L),
              new DraftItem("RICE-5", "Ofada rice 5kg", 1L, 380_000L)));
  Long totalMinor = 880_000L;
  Instant submittedAt = Samples.NOW.minusSeconds(60);
  String note = Samples.EMOJI_NOTE;
  List<Reason> problems = new ArrayList<>();

  private static final OrderValidator VALIDATOR = new OrderValidator(ValidationRules.defaults());

  ValidationResult validate() {
    return VALIDATOR.validate(build(), Samples.NOW);
  }

  /** The reasons of an invalid result; fails the test when the draft is valid. */
  List<Reason> reasons() {
    ValidationResult result = validate();
    assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
    return ((ValidationResult.Invalid) result).reasons();
  }

  DraftOrder build() {
    return new DraftOrder(
        vendorId, orderId, buyerId, currency, items, totalMinor, submittedAt, note, problems);
  }
}
