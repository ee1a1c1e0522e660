package dev.orderflow.router.render;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount in minor units of an ISO-4217 currency, written the way Nigerian buyers read it: {@code
 * ₦1,380,000}, and {@code ₦1,380,000.50} only when there are kobo. Never floating point.
 */
public record Money(long minor, String currencyCode) {

  /** CLDR's Nigerian-English symbols: ₦, £, €, US$; currencies without one show their code. */
  private static final Locale SYMBOL_LOCALE = Locale.forLanguageTag("en-NG");

  private static final Map<String, String> SYMBOLS = new ConcurrentHashMap<>();
  // DecimalFormat is costly to build and not thread-safe: one per thread and pattern.
  private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS =
      ThreadLocal.withInitial(HashMap::new);

  public Money {
    Objects.requireNonNull(currencyCode, "currencyCode");
  }

  /** Minor units per major unit; 2 for a code the JDK does not know. */
  public int fractionDigits() {
    Currency currency = currency();
    return currency == null || currency.getDefaultFractionDigits() < 0
        ? 2
        : currency.getDefaultFractionDigits();
  }

  public BigDecimal major() {
    return BigDecimal.valueOf(minor, fractionDigits());
  }

  /** E.g. {@code ₦1,380,000}, {@code ₦1,380,000.50}, {@code US$25}, {@code GHS 12.50}. */
  public String format() {
    BigDecimal major = major();
    boolean whole = major.stripTrailingZeros().scale() <= 0;
    String pattern = whole ? "#,##0" : "#,##0." + "0".repeat(fractionDigits());
    DecimalFormat format =
        FORMATS
            .get()
            .computeIfAbsent(
                pattern, p -> new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.ROOT)));
    String symbol = symbol();
    String separator = Character.isLetter(symbol.charAt(symbol.length() - 1)) ? " " : "";
    String sign = minor < 0 ? "-" : "";
    return sign + symbol + separator + format.format(major.abs());
  }

  /**
   * Meta's {@code amount_1000}: the amount times 1000, i.e. minor × 1000 / 10^fractionDigits.
   *
   * @throws ArithmeticException if it is not a whole number or does not fit a long
   */
  public long amount1000() {
    return major().movePointRight(3).longValueExact();
  }

  private String symbol() {
    Currency currency = currency();
    if (currency == null) {
      return currencyCode;
    }
    // Keyed by ISO codes only, so the map stays small whatever the input.
    return SYMBOLS.computeIfAbsent(currencyCode, code -> currency.getSymbol(SYMBOL_LOCALE));
  }

  private Currency currency() {
    try {
      return Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
