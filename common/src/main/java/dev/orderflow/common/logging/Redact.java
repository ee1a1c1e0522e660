package dev.orderflow.common.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Explicit redaction for log arguments and diagnostics. The log layout masks the same shapes on its
 * own; calling these states the intent and covers values the patterns cannot recognise.
 */
public final class Redact {
  private static final int KEPT_DIGITS = 2;

  private Redact() {}

  /**
   * Keeps the country code and the last two digits: {@code +2348012345678} → {@code
   * +234********78}. Anything that is not 7 to 15 digits (with an optional plus) becomes {@code
   * ****}.
   */
  public static String phone(String number) {
    if (number == null) {
      return "null";
    }
    boolean plus = number.startsWith("+");
    String digits = plus ? number.substring(1) : number;
    if (!digits.matches("\\d{7,15}")) {
      return "****";
    }
    int cc = CountryCodes.lengthOf(digits);
    int hidden = digits.length() - cc - KEPT_DIGITS;
    return (plus ? "+" : "")
        + digits.substring(0, cc)
        + "*".repeat(hidden)
        + digits.substring(digits.length() - KEPT_DIGITS);
  }

  /**
   * Never the token, only a short fingerprint so two log lines can tell whether the same token was
   * used (e.g. before and after a rotation): {@code ****(sha256:1f2e3d4c)}.
   */
  public static String token(String token) {
    if (token == null || token.isEmpty()) {
      return "<none>";
    }
    return "****(sha256:" + sha256(token).substring(0, 8) + ")";
  }

  /**
   * A URL without the credentials it may carry: {@code https://key:secret@host/x} → {@code
   * https://****@host/x}. For values printed outside the log layout (errors on stderr).
   */
  public static String urlCredentials(String url) {
    return url == null
        ? null
        : url.replaceAll("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@]+@", "$1****@");
  }

  /** Masks every phone number and token the log layout would mask. */
  public static String text(String text) {
    return Masking.mask(text);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
