package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** RFC 4180 CSV with a header row (Jackson's CSV writer does the quoting). */
final class CsvLetterWriter implements LetterWriter {
  private final SequenceWriter rows;
  private final PrintWriter out;

  CsvLetterWriter(PrintWriter out) {
    this.out = out;
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    LetterFields.COLUMNS.forEach(schema::addColumn);
    ObjectWriter writer = new CsvMapper().writer(schema.build());
    try {
      this.rows = writer.writeValues(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(DeadLetter letter) {
    try {
      Map<String, Object> fields = LetterFields.of(letter);
      fields.replaceAll((k, v) -> v instanceof String text ? TerminalText.line(text) : v);
      rows.write(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish(long shown, boolean more, long nextOffset) {
    try {
      rows.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
