package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
  private static final String ESC = "\u001B";

  /** Every control a terminal acts on, or that reorders text, that the tests feed in. */
  private static final String[] CONTROLS = {
    ESC, "\u0007", "\r", "\u0008", "\u007F", "\u009B", "\u009D", "\u0085", "\u202E", "\u2066",
    "\u200F", "\u061C"
  };

  private final Letters letters = new Letters();

  @Test
  void escapeSequencesAndControlsBecomeOneVisibleMarkEach() {
    assertThat(TerminalText.line("a" + ESC + "[2J" + ESC + "[31mred" + ESC + "[0m"))
        .isEqualTo("a\uFFFD\uFFFDred\uFFFD");
    assertThat(TerminalText.line(ESC + "]0;pwned\u0007title")).isEqualTo("\uFFFDtitle");
    assertThat(TerminalText.line(ESC + "]8;;https://evil.example" + ESC + "\\link"))
        .isEqualTo("\uFFFDlink");
    assertThat(TerminalText.line("\u009B2Jx\u009D0;t\u009Cy")).isEqualTo("\uFFFDx\uFFFDy");
    assertThat(TerminalText.line("abc\u202Efed\u202C")).isEqualTo("abc\uFFFDfed\uFFFD");
    assertThat(TerminalText.line("over\rwrite\tand\nmore")).isEqualTo("over\uFFFDwrite and more");
    assertThat(TerminalText.block("one\ntwo\tcols")).isEqualTo("one\ntwo\tcols");
    assertThat(TerminalText.line("₦1,380,000 — ok")).isEqualTo("₦1,380,000 — ok");
  }

  @Test
  void jsonCarriesControlsAsEscapesSoNothingIsLostAndNothingActs() throws Exception {
    ObjectNode node = TerminalText.JSON.createObjectNode().put("t", "a\u001B[2Jb\u009Bc\u202Ed₦");

    String json = TerminalText.JSON.writeValueAsString(node);

    assertThat(json).isEqualTo("{\"t\":\"a\\u001B[2Jb\\u009bc\\u202ed₦\"}");
    assertThat(TerminalText.JSON.readTree(json).get("t").asText())
        .isEqualTo("a\u001B[2Jb\u009Bc\u202Ed₦");
  }

  @Test
  void showPrintsNoControlFromHeaderKeysValuesOrTheDecodedValue() {
    // Given: a dead letter whose headers and JSON value a hostile vendor wrote
    Parked hostile =
        letters
            .failure("v-1:A-9", "PERMANENT", "131026")
            .header("x-evil" + ESC + "[2J", "value" + ESC + "]0;title\u0007\u202Egnp.exe")
            .header("x-c1", "a\u009B31mb\u0085c".getBytes(UTF_8))
            .header("x-cr", "shown\rhidden");
    Parked json =
        Parked.in("notify.unroutable.v1")
            .key("k" + ESC + "[1A")
            .value(("{\"orderId\":\"o\u202E1\",\"note\":\"\\u001b[2J\u009Bx\"}").getBytes(UTF_8))
            .header("unroutable.reason", "UNKNOWN_BUYER");

    // When
    String output = show(letters.read(hostile, 0)) + show(letters.read(json, 1));

    // Then
    // A value with an ESC is no text at all: it is shown in hex, as undecodable bytes are.
    assertThat(output).doesNotContain(CONTROLS).contains("x-evil\uFFFD ", "0x76616c75651b5d");
    assertThat(output).contains("x-c1                         a\uFFFDb\uFFFDc");
    assertThat(output).contains("shown\uFFFDhidden").contains("\\u001B[2J");
  }

  private static String show(DeadLetter letter) {
    StringWriter out = new StringWriter();
    new RecordText(new PrintWriter(out, true), false).print(letter);
    return out.toString();
  }
}
