package dev.orderflow.ingest.validation;

import java.time.Duration;
import java.util.Currency;
import java.util.Set;

/**
 * The limits the validator applies; each is configurable (see IngestConfig for the keys).
 *
 * @param allowedCurrencies ISO-4217 codes accepted; NGN by default
 * @param maxFutureSkew how far submittedAt may lie ahead of the reference time
 * @param maxAge how far submittedAt may lie behind the reference time
 * @param maxReasons reasons kept per rejection, so a 10,000-item order cannot make a huge one
 */
public record ValidationRules(
    int maxRecordBytes,
    int maxItems,
    int maxQuantity,
    int maxNameLength,
    int maxNoteLength,
    Set<String> allowedCurrencies,
    Duration maxFutureSkew,
    Duration maxAge,
    int maxReasons) {

  public ValidationRules {
    positive("maxRecordBytes", maxRecordBytes);
    positive("maxItems", maxItems);
    positive("maxQuantity", maxQuantity);
    positive("maxNameLength", maxNameLength);
    positive("maxNoteLength", maxNoteLength);
    positive("maxReasons", maxReasons);
    allowedCurrencies = Set.copyOf(allowedCurrencies);
    if (allowedCurrencies.isEmpty()) {
      throw new IllegalArgumentException("allowedCurrencies: expected at least one ISO-4217 code");
    }
    for (String code : allowedCurrencies) {
      requireIsoCurrency(code);
    }
    if (maxFutureSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxFutureSkew >= 0 and maxAge > 0 expected");
    }
  }

  public static ValidationRules defaults() {
    return new ValidationRules(
        256 * 1024,
        100,
        10_000,
        200,
        500,
        Set.of("NGN"),
        Duration.ofMinutes(5),
        Duration.ofDays(30),
        50);
  }

  public ValidationRules withAllowedCurrencies(Set<String> codes) {
    return new ValidationRules(
        maxRecordBytes,
        maxItems,
        maxQuantity,
        maxNameLength,
        maxNoteLength,
        codes,
        maxFutureSkew,
        maxAge,
        maxReasons);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": expected a positive number, got " + value);
    }
  }

  private static void requireIsoCurrency(String code) {
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "allowedCurrencies: '" + code + "' is not an ISO-4217 currency code", e);
    }
  }
}
