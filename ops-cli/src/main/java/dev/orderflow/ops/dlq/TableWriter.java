package dev.orderflow.ops.dlq;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An aligned text table. Rows are held back in chunks so columns can be sized to their contents;
 * the first chunk fixes the widths and later ones are cut to fit, so memory stays bounded.
 */
final class TableWriter implements LetterWriter {
  private static final int CHUNK = 500;
  private static final int CELL_MAX = 36;
  private static final int MESSAGE_MAX = 60;
  private static final List<String> HEADINGS =
      List.of(
          "TIME",
          "RECORD",
          "KEY",
          "ORDER",
          "BUYER",
          "PLATFORM",
          "CLASS",
          "CODE",
          "ATTEMPTS",
          "REPLAYS",
          "MESSAGE");
  private static final List<String> FIELDS =
      List.of(
          "time",
          "record",
          "key",
          "orderId",
          "buyerId",
          "platform",
          "errorClass",
          "code",
          "attempts",
          "replays",
          "message");

  private static final int RECORD_COLUMN = FIELDS.indexOf("record");

  private final PrintWriter out;
  private final List<List<String>> pending = new ArrayList<>();
  private int[] widths;

  TableWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(DeadLetter letter) {
    Map<String, Object> fields = LetterFields.of(letter);
    List<String> row = new ArrayList<>(FIELDS.size());
    for (String field : FIELDS) {
      // The record column is the handle for show and replay: never cut it.
      int max =
          switch (field) {
            case "record" -> Integer.MAX_VALUE;
            case "message" -> MESSAGE_MAX;
            default -> CELL_MAX;
          };
      String text = TerminalText.line(Objects.toString(fields.get(field), "-"));
      if (field.equals("message") && Boolean.TRUE.equals(fields.get("compact"))) {
        text = "[compact] " + text; // the original is not in it: show, never replay
      }
      row.add(Text.cut(text.replaceAll("\\s+", " "), max));
    }
    pending.add(row);
    if (pending.size() >= CHUNK) {
      flush();
    }
  }

  @Override
  public void finish(long shown, boolean more, long nextOffset) {
    flush();
    if (more) {
      out.printf("%d shown; more match: add --offset %d for the next page%n", shown, nextOffset);
    } else {
      out.printf("%d dead letter%s%n", shown, shown == 1 ? "" : "s");
    }
    out.flush();
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    if (widths == null) {
      widths = HEADINGS.stream().mapToInt(String::length).toArray();
      for (List<String> row : pending) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
      print(HEADINGS);
    }
    pending.forEach(this::print);
    pending.clear();
    out.flush();
  }

  private void print(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = i == RECORD_COLUMN ? cells.get(i) : Text.cut(cells.get(i), widths[i]);
      line.append(i == cells.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
    }
    out.println(line.toString().stripTrailing());
  }
}
