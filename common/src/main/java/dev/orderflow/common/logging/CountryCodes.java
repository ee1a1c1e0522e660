package dev.orderflow.common.logging;

import java.util.Set;

/**
 * How many leading digits of an E.164 number are its country code (1 to 3). Hand-written from the
 * ITU list rather than pulling in libphonenumber (megabytes of metadata) for one prefix length.
 */
final class CountryCodes {
  private static final Set<String> TWO_DIGIT =
      Set.of(
          "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
          "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
          "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");

  private CountryCodes() {}

  static int lengthOf(String digits) {
    if (digits.startsWith("1") || digits.startsWith("7")) {
      return 1;
    }
    return digits.length() >= 2 && TWO_DIGIT.contains(digits.substring(0, 2)) ? 2 : 3;
  }
}
