package dev.orderflow.ops.dlq;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/** Counts as dead letters stream by: per class, code, platform and topic, and per minute. */
final class Tally {
  static final String NONE = "-";

  private final Map<String, Long> byClass = new HashMap<>();
  private final Map<String, Long> byCode = new HashMap<>();
  private final Map<String, Long> byPlatform = new HashMap<>();
  private final Map<String, Long> byTopic = new HashMap<>();
  private final NavigableMap<Long, Long> byMinute = new TreeMap<>();
  private long total;

  void add(DeadLetter letter) {
    total++;
    count(byClass, letter.errorClass());
    count(byCode, letter.code() == null ? null : orNone(letter.errorClass()) + " " + letter.code());
    count(byPlatform, letter.platform());
    count(byTopic, letter.at().topic());
    byMinute.merge(letter.timestamp().toEpochMilli() / 60_000, 1L, Long::sum);
  }

  long total() {
    return total;
  }

  Map<String, Long> byClass() {
    return sorted(byClass);
  }

  Map<String, Long> byCode() {
    return sorted(byCode);
  }

  Map<String, Long> byPlatform() {
    return sorted(byPlatform);
  }

  Map<String, Long> byTopic() {
    return sorted(byTopic);
  }

  Instant first() {
    return byMinute.isEmpty() ? null : Instant.ofEpochSecond(byMinute.firstKey() * 60);
  }

  Instant last() {
    return byMinute.isEmpty() ? null : Instant.ofEpochSecond(byMinute.lastKey() * 60);
  }

  /** Counts per bucket of {@code minutes}, every bucket from the first to the last present. */
  NavigableMap<Instant, Long> overTime(long minutes) {
    NavigableMap<Instant, Long> buckets = new TreeMap<>();
    if (byMinute.isEmpty()) {
      return buckets;
    }
    long from = Math.floorDiv(byMinute.firstKey(), minutes);
    long to = Math.floorDiv(byMinute.lastKey(), minutes);
    for (long b = from; b <= to; b++) {
      buckets.put(Instant.ofEpochSecond(b * minutes * 60), 0L);
    }
    byMinute.forEach(
        (minute, n) ->
            buckets.merge(
                Instant.ofEpochSecond(Math.floorDiv(minute, minutes) * minutes * 60),
                n,
                Long::sum));
    return buckets;
  }

  private static void count(Map<String, Long> counts, String key) {
    counts.merge(orNone(key), 1L, Long::sum);
  }

  private static String orNone(String key) {
    return key == null || key.isBlank() ? NONE : key;
  }

  /** Largest first, then by name, so the cause of a spike is on the first line. */
  private static Map<String, Long> sorted(Map<String, Long> counts) {
    Map<String, Long> result = new LinkedHashMap<>();
    List<Map.Entry<String, Long>> entries =
        counts.entrySet().stream()
            .sorted(
                Comparator.comparing(Map.Entry<String, Long>::getValue)
                    .reversed()
                    .thenComparing(e -> Objects.toString(e.getKey())))
            .toList();
    entries.forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }
}
