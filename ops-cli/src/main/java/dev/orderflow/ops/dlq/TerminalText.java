package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * What a record carries, made safe to print on an operator's terminal. A header, key or value
 * written by a vendor may hold escape sequences that move the cursor, rewrite earlier lines, set
 * the window title or plant a hyperlink, and bidirectional overrides that show text in an order it
 * does not have. Each escape sequence (CSI {@code ESC [ … final}, OSC {@code ESC ] … BEL|ST},
 * DCS/SOS/PM/APC strings, two-byte {@code ESC x}, and the 8-bit C1 forms), each remaining C0 or C1
 * control, DEL, and each bidi control (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) becomes one
 * visible U+FFFD, so an operator sees that something was there. Hand-written: the libraries that
 * know terminals (JLine) are whole terminal toolkits, and this is two patterns.
 */
final class TerminalText {
  static final String MARK = "\uFFFD";

  private static final Pattern SEQUENCES =
      Pattern.compile(
          "\u001B\\[[0-?]*[ -/]*[@-~]?"
              + "|\u001B\\][^\u0007\u001B\u009C]*(?:\u0007|\u001B\\\\|\u009C)?"
              + "|\u001B[PX^_][^\u001B\u009C]*(?:\u001B\\\\|\u009C)?"
              + "|\u001B[ -/]*[0-~]?"
              + "|\u009B[0-?]*[ -/]*[@-~]?"
              + "|[\u0090\u0098\u009D\u009E\u009F][^\u0007\u001B\u009C]*(?:\u0007|\u009C)?");

  /** Controls left after the sequences, apart from tab and line feed (kept by blocks). */
  private static final Pattern CONTROLS =
      Pattern.compile(
          "[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

  /** JSON whose strings carry C1, DEL and bidi controls as {@code \\u…} escapes (lossless). */
  static final ObjectMapper JSON = json();

  private TerminalText() {}

  /** One line: tabs and line feeds become spaces (a carriage return is a control). */
  static String line(String text) {
    return text == null ? null : block(text).replace('\t', ' ').replace('\n', ' ');
  }

  /** Several lines: line feeds and tabs stay. */
  static String block(String text) {
    if (text == null) {
      return null;
    }
    String withoutSequences = SEQUENCES.matcher(text).replaceAll(MARK);
    return CONTROLS.matcher(withoutSequences).replaceAll(MARK);
  }

  private static ObjectMapper json() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.getFactory().setCharacterEscapes(new Escapes());
    return mapper;
  }

  /** JSON's standard escapes (it already escapes C0), plus DEL, C1 and bidi controls. */
  private static final class Escapes extends CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    Escapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      boolean unsafe = CONTROLS.matcher(String.valueOf((char) ch)).matches();
      return unsafe ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
