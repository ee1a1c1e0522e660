package dev.orderflow.ingest.validation;

import java.util.regex.Pattern;

/**
 * Rules for identifiers and free text. Bidirectional controls and zero-width characters are
 * refused, not removed (see {@link InvisibleCharacters}), so what is accepted is what was sent.
 * Text is trimmed of surrounding whitespace and otherwise kept exactly as sent: no Unicode
 * normalization, so "Ẹ̀wà Àgbàdo" and emoji reach the buyer byte for byte. Lengths count code
 * points, so an emoji counts once however many UTF-16 units it takes.
 */
final class TextRules {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private TextRules() {}

  /** Checks an identifier as sent (ids are never trimmed: their bytes are their identity). */
  static String id(String value, String field, Reasons reasons) {
    if (value == null) {
      reasons.missing(field);
      return null;
    }
    if (!ID.matcher(value).matches()) {
      reasons.add(
          ReasonCode.INVALID_ID,
          field,
          field
              + " \""
              + Reason.echo(value)
              + "\" must be 1 to 64 characters, each a letter A-Z or a-z, a digit, '.', '_' or"
              + " '-'.");
      return null;
    }
    return value;
  }

  /** Trims and checks free text; returns the trimmed text, or null if it broke a rule. */
  static String text(
      String value, String field, int maxLength, boolean newlinesAllowed, Reasons reasons) {
    if (value == null) {
      reasons.missing(field);
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      reasons.add(ReasonCode.TEXT_EMPTY, field, field + " must not be empty or only whitespace.");
      return null;
    }
    boolean ok = true;
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length > maxLength) {
      reasons.add(
          ReasonCode.TEXT_TOO_LONG,
          field,
          field + " is " + length + " characters long; at most " + maxLength + " are allowed.");
      ok = false;
    }
    int bad = firstForbidden(trimmed, newlinesAllowed);
    if (bad >= 0) {
      reasons.add(
          ReasonCode.CONTROL_CHARACTER,
          field,
          String.format(
              "%s contains the control character U+%04X, which cannot be shown to a buyer.",
              field, bad));
      ok = false;
    }
    int invisible = InvisibleCharacters.first(trimmed);
    if (invisible >= 0) {
      reasons.add(
          ReasonCode.INVISIBLE_CHARACTER,
          field,
          String.format(
              "%s contains U+%04X (%s), an invisible formatting character that can hide or"
                  + " reorder what a buyer reads; remove it.",
              field, invisible, Character.getName(invisible)));
      ok = false;
    }
    return ok ? trimmed : null;
  }

  private static int firstForbidden(String value, boolean newlinesAllowed) {
    return value
        .codePoints()
        .filter(cp -> Character.getType(cp) == Character.CONTROL)
        .filter(cp -> !(newlinesAllowed && (cp == '\n' || cp == '\r' || cp == '\t')))
        .findFirst()
        .orElse(-1);
  }
}
