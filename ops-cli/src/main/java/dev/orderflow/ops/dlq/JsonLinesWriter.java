package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** One JSON object per line (JSON Lines), so scripts can stream a large selection. */
final class JsonLinesWriter implements LetterWriter {
  private static final ObjectMapper JSON = TerminalText.JSON;

  private final PrintWriter out;

  JsonLinesWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(DeadLetter letter) {
    try {
      out.println(JSON.writeValueAsString(LetterFields.of(letter)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish(long shown, boolean more, long nextOffset) {
    out.flush();
  }
}
