package dev.orderflow.ingest.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies every rule to a draft and reports every broken one, not only the first. Pure: the
 * reference time is passed in, so the same draft and time always give the same result.
 */
public final class OrderValidator {
  private static final Pattern CURRENCY_FORM = Pattern.compile("[A-Z]{3}");

  private final ValidationRules rules;

  public OrderValidator(ValidationRules rules) {
    this.rules = rules;
  }

  public ValidationResult validate(DraftOrder draft, Instant now) {
    Reasons reasons = new Reasons(rules.maxReasons(), draft.problems());
    String vendorId = TextRules.id(draft.vendorId(), "vendorId", reasons);
    String orderId = TextRules.id(draft.orderId(), "orderId", reasons);
    String buyerId = TextRules.id(draft.buyerId(), "buyerId", reasons);
    String currency = currency(draft.currency(), reasons);
    List<ValidItem> items = ItemRules.items(draft.items(), rules, reasons);
    Long total = total(draft.totalMinor(), items, reasons);
    Instant submittedAt = submittedAt(draft.submittedAt(), now, reasons);
    String note = note(draft.note(), reasons);
    if (!reasons.isEmpty()) {
      return new ValidationResult.Invalid(reasons.toList());
    }
    String hash = ContentHash.compute(vendorId, orderId, buyerId, currency, items, total, note);
    return new ValidationResult.Valid(
        new ValidOrder(
            vendorId, orderId, buyerId, currency, items, total, submittedAt, note, hash));
  }

  private String currency(String value, Reasons reasons) {
    if (value == null) {
      reasons.missing("currency");
      return null;
    }
    if (!CURRENCY_FORM.matcher(value).matches() || !isIsoCode(value)) {
      reasons.add(
          ReasonCode.INVALID_CURRENCY,
          "currency",
          "currency \""
              + Reason.echo(value)
              + "\" is not an ISO-4217 code; use three capital letters such as NGN.");
      return null;
    }
    if (!rules.allowedCurrencies().contains(value)) {
      reasons.add(
          ReasonCode.CURRENCY_NOT_ALLOWED,
          "currency",
          "currency " + value + " is not accepted here; accepted: " + rules.allowedCurrencies());
      return null;
    }
    return value;
  }

  private static boolean isIsoCode(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Exact integer arithmetic: an overflow is a reason, never a wrapped-around total. */
  private static Long total(Long declared, List<ValidItem> items, Reasons reasons) {
    if (declared == null) {
      reasons.missing("totalMinor");
    }
    if (items == null) {
      return null;
    }
    long sum = 0;
    try {
      for (ValidItem item : items) {
        sum = Math.addExact(sum, Math.multiplyExact(item.unitPriceMinor(), item.quantity()));
      }
    } catch (ArithmeticException overflow) {
      reasons.add(
          ReasonCode.TOTAL_OVERFLOW,
          "items",
          "The items add up to more than "
              + Long.MAX_VALUE
              + " minor units, which no order can carry; split the order.");
      return null;
    }
    if (declared != null && declared != sum) {
      reasons.add(
          ReasonCode.TOTAL_MISMATCH,
          "totalMinor",
          "totalMinor is "
              + declared
              + " but the items add up to "
              + sum
              + " (the sum of quantity × unitPriceMinor); the two must be equal.");
      return null;
    }
    return declared == null ? null : sum;
  }

  private Instant submittedAt(Instant value, Instant now, Reasons reasons) {
    if (value == null) {
      reasons.missing("submittedAt");
      return null;
    }
    if (value.isAfter(now.plus(rules.maxFutureSkew()))) {
      reasons.add(
          ReasonCode.TIMESTAMP_IN_FUTURE,
          "submittedAt",
          "submittedAt "
              + value
              + " lies "
              + human(Duration.between(now, value))
              + " in the future; at most "
              + human(rules.maxFutureSkew())
              + " is allowed (check the sending clock and time zone).");
      return null;
    }
    if (value.isBefore(now.minus(rules.maxAge()))) {
      reasons.add(
          ReasonCode.TIMESTAMP_TOO_OLD,
          "submittedAt",
          "submittedAt "
              + value
              + " is "
              + human(Duration.between(value, now))
              + " old; orders older than "
              + human(rules.maxAge())
              + " are not accepted.");
      return null;
    }
    return value;
  }

  /** A note is optional: absent, null and blank all mean "no note". */
  private String note(String value, Reasons reasons) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return TextRules.text(value, "note", rules.maxNoteLength(), true, reasons);
  }

  private static String human(Duration duration) {
    if (duration.toDays() >= 2) {
      return duration.toDays() + " days";
    }
    if (duration.toHours() >= 2) {
      return duration.toHours() + " hours";
    }
    if (duration.toMinutes() >= 2) {
      return duration.toMinutes() + " minutes";
    }
    return duration.toSeconds() + " seconds";
  }
}
