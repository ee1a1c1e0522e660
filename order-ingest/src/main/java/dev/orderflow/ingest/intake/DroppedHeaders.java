package dev.orderflow.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Header;

/**
 * The vendor headers intake did not copy, as a rejection reports them: how many, their total size
 * (names and values, in bytes), and the first {@value #MAX_NAMES} distinct names, each cut to
 * {@value #MAX_NAME_CHARS} characters with control and formatting characters shown as '?'. Bounded
 * whatever the vendor sent, so it can never make a rejection too large.
 */
public record DroppedHeaders(int count, long totalBytes, List<String> names, boolean namesCut) {
  public static final int MAX_NAMES = 20;
  public static final int MAX_NAME_CHARS = 64;
  public static final DroppedHeaders NONE = new DroppedHeaders(0, 0, List.of(), false);

  public DroppedHeaders {
    names = List.copyOf(names);
  }

  /** Adds up dropped headers one at a time. */
  static final class Tally {
    private final Set<String> names = new LinkedHashSet<>();
    private int count;
    private long totalBytes;
    private boolean namesCut;

    void add(Header header) {
      count++;
      String name = header.key();
      totalBytes += name.getBytes(StandardCharsets.UTF_8).length;
      totalBytes += header.value() == null ? 0 : header.value().length;
      if (names.size() < MAX_NAMES) {
        names.add(shown(name));
      } else {
        namesCut |= !names.contains(shown(name));
      }
    }

    DroppedHeaders summary() {
      return count == 0
          ? NONE
          : new DroppedHeaders(count, totalBytes, new ArrayList<>(names), namesCut);
    }
  }

  private static String shown(String name) {
    StringBuilder shown = new StringBuilder();
    int taken = 0;
    for (int i = 0; i < name.length() && taken < MAX_NAME_CHARS; taken++) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      boolean invisible =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.SURROGATE
              || type == Character.UNASSIGNED;
      shown.appendCodePoint(invisible ? '?' : cp);
    }
    return shown.toString();
  }
}
