package dev.orderflow.ops.dlq;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which dead letters a command works on. Empty sets match everything; several values of one filter
 * match any of them; different filters must all match. Error classes and platforms ignore case.
 *
 * @param since inclusive, or null
 * @param until exclusive, or null
 */
record Filters(
    Instant since,
    Instant until,
    Set<String> errorClasses,
    Set<String> codes,
    Set<String> orderIds,
    Set<String> buyerIds,
    Set<String> platforms,
    Set<String> originalTopics) {

  Filters {
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException(
          "--since must be before --until, got " + since + " and " + until);
    }
    errorClasses = upper(errorClasses);
    codes = Set.copyOf(codes);
    orderIds = Set.copyOf(orderIds);
    buyerIds = Set.copyOf(buyerIds);
    platforms = lower(platforms);
    originalTopics = Set.copyOf(originalTopics);
  }

  static Filters none() {
    return new Filters(null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** Everything from {@code since} on (null: everything). */
  static Filters since(Instant since) {
    return new Filters(since, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** The cheap test, before the value is decoded. */
  boolean timeMatches(long timestampMillis) {
    return (since == null || timestampMillis >= since.toEpochMilli())
        && (until == null || timestampMillis < until.toEpochMilli());
  }

  boolean matches(DeadLetter letter) {
    return timeMatches(letter.timestamp().toEpochMilli())
        && any(errorClasses, upper(letter.errorClass()))
        && any(codes, letter.code())
        && any(orderIds, letter.orderId())
        && any(buyerIds, letter.buyerId())
        && any(platforms, letter.platform())
        && any(originalTopics, letter.originalTopic());
  }

  private static boolean any(Set<String> wanted, String actual) {
    return wanted.isEmpty() || (actual != null && wanted.contains(actual));
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static Set<String> upper(Set<String> values) {
    return values.stream().map(Filters::upper).collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> lower(Set<String> values) {
    return values.stream()
        .map(v -> v.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
