package dev.orderflow.ingest.validation;

/**
 * Finds the Unicode format characters (general category Cf) that text reaching a buyer must not
 * hold: bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
 * U+200E, U+200F, U+061C), zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF), the soft
 * hyphen and the rest of Cf. They are invisible, so they can make a name or note read differently
 * from what it holds (a price or an item shown reversed, two look-alike names that differ).
 *
 * <p>Two uses of Cf are how emoji are written and stay allowed: a zero-width joiner between emoji
 * (👩🏾‍💻, 🏳️‍🌈) and the tag characters after a black flag (🏴 subdivision flags).
 */
final class InvisibleCharacters {
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int VARIATION_SELECTOR_16 = 0xFE0F;
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int FIRST_TAG = 0xE0020;
  private static final int CANCEL_TAG = 0xE007F;

  private InvisibleCharacters() {}

  /** The first forbidden code point, or -1. */
  static int first(String text) {
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int after = i + Character.charCount(cp);
      int next = after < text.length() ? text.codePointAt(after) : -1;
      if (Character.getType(cp) == Character.FORMAT && !writesAnEmoji(previous, cp, next)) {
        return cp;
      }
      previous = cp;
      i = after;
    }
    return -1;
  }

  private static boolean writesAnEmoji(int previous, int cp, int next) {
    if (cp == ZERO_WIDTH_JOINER) {
      return endsAnEmoji(previous) && next >= 0 && Character.isExtendedPictographic(next);
    }
    if (cp >= FIRST_TAG && cp <= CANCEL_TAG) {
      return previous == BLACK_FLAG || (previous >= FIRST_TAG && previous < CANCEL_TAG);
    }
    return false;
  }

  private static boolean endsAnEmoji(int cp) {
    return cp >= 0
        && (Character.isExtendedPictographic(cp)
            || Character.isEmojiModifier(cp)
            || cp == VARIATION_SELECTOR_16);
  }
}
