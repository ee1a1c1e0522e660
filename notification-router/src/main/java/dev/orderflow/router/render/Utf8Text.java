package dev.orderflow.router.render;

import java.text.BreakIterator;

/**
 * Byte-length arithmetic for platforms that limit UTF-8 bytes rather than characters. Cuts happen
 * only at grapheme-cluster boundaries (BreakIterator, extended grapheme clusters since JDK 20), so
 * neither a surrogate pair, nor an emoji ZWJ sequence, nor a Yoruba letter with its combining tone
 * marks is ever split.
 */
public final class Utf8Text {
  public static final String ELLIPSIS = "…";

  private Utf8Text() {}

  public static int bytes(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        count += 1;
      } else if (c < 0x800) {
        count += 2;
      } else if (Character.isHighSurrogate(c)) {
        count += 4;
        i++;
      } else {
        count += 3;
      }
    }
    return count;
  }

  /**
   * The text itself if it fits {@code maxBytes}; otherwise its longest whole-grapheme prefix that
   * fits together with a trailing ellipsis.
   */
  public static String truncate(String text, int maxBytes) {
    if (bytes(text) <= maxBytes) {
      return text;
    }
    int budget = maxBytes - bytes(ELLIPSIS);
    if (budget <= 0) {
      return "";
    }
    BreakIterator graphemes = BreakIterator.getCharacterInstance();
    graphemes.setText(text);
    int end = 0;
    int used = 0;
    for (int next = graphemes.next(); next != BreakIterator.DONE; next = graphemes.next()) {
      int clusterBytes = bytes(text.substring(end, next));
      if (used + clusterBytes > budget) {
        break;
      }
      used += clusterBytes;
      end = next;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}
