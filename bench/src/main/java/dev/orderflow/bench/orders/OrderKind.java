package dev.orderflow.bench.orders;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of order a mix is made of, in {@link OrderMix}'s component order. */
public enum OrderKind {
  WHATSAPP,
  INSTAGRAM,
  INVALID,
  UNKNOWN_BUYER,
  OPTED_OUT,
  NO_PLATFORM;

  static OrderKind parse(String text) {
    String wanted = text.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(k -> k.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "mix: unknown kind '"
                        + text
                        + "', expected one of whatsapp, instagram, invalid, unknownBuyer,"
                        + " optedOut, noPlatform"));
  }
}
