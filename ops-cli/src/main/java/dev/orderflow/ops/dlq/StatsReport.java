package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/** Renders a {@link Tally}: share bars per dimension, then a histogram over time. */
final class StatsReport {
  private static final ObjectMapper JSON = TerminalText.JSON;
  private static final int BAR = 40;
  private static final int MAX_BUCKETS = 30;
  private static final List<Long> BUCKET_MINUTES =
      List.of(1L, 5L, 15L, 30L, 60L, 180L, 360L, 720L, 1440L, 10080L);

  private final Tally tally;
  private final long bucketMinutes;

  StatsReport(Tally tally, Duration bucket) {
    this.tally = tally;
    this.bucketMinutes = bucket != null ? Math.max(1, bucket.toMinutes()) : autoBucket(tally);
  }

  void printText(PrintWriter out) {
    out.printf("%d dead letters, %s .. %s%n", tally.total(), tally.first(), tally.last());
    section(out, "by error class", tally.byClass());
    section(out, "by code", tally.byCode());
    section(out, "by platform", tally.byPlatform());
    section(out, "by topic", tally.byTopic());
    NavigableMap<Instant, Long> overTime = tally.overTime(bucketMinutes);
    out.printf("%nover time (%s buckets, UTC)%n", label(bucketMinutes));
    long max = overTime.values().stream().mapToLong(Long::longValue).max().orElse(1);
    overTime.forEach((start, n) -> out.printf("  %s  %-" + BAR + "s %d%n", start, bar(n, max), n));
    out.flush();
  }

  void printJson(PrintWriter out) {
    ObjectNode root = JSON.createObjectNode().put("total", tally.total());
    root.put("first", String.valueOf(tally.first())).put("last", String.valueOf(tally.last()));
    root.set("byErrorClass", JSON.valueToTree(tally.byClass()));
    root.set("byCode", JSON.valueToTree(tally.byCode()));
    root.set("byPlatform", JSON.valueToTree(tally.byPlatform()));
    root.set("byTopic", JSON.valueToTree(tally.byTopic()));
    root.put("bucketMinutes", bucketMinutes);
    ObjectNode overTime = root.putObject("overTime");
    tally.overTime(bucketMinutes).forEach((start, n) -> overTime.put(start.toString(), n));
    out.println(root);
    out.flush();
  }

  private static void section(PrintWriter out, String title, Map<String, Long> counts) {
    out.printf("%n%s%n", title);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    int width =
        counts.keySet().stream().map(TerminalText::line).mapToInt(String::length).max().orElse(1);
    counts.forEach(
        (key, n) ->
            out.printf(
                Locale.ROOT,
                "  %-" + width + "s %7d %5.1f%%  %s%n",
                TerminalText.line(key),
                n,
                100.0 * n / total,
                bar(n, total)));
  }

  private static String bar(long n, long max) {
    int length = (int) Math.round((double) BAR * n / Math.max(1, max));
    return "#".repeat(n > 0 ? Math.max(1, length) : 0);
  }

  private static long autoBucket(Tally tally) {
    if (tally.first() == null) {
      return 1;
    }
    long spanMinutes = Duration.between(tally.first(), tally.last()).toMinutes() + 1;
    return BUCKET_MINUTES.stream()
        .filter(m -> spanMinutes / m < MAX_BUCKETS)
        .findFirst()
        .orElse(BUCKET_MINUTES.getLast());
  }

  private static String label(long minutes) {
    if (minutes % 1440 == 0) {
      return minutes / 1440 + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }
}
