package dev.orderflow.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.bench.ceiling.CeilingResult;
import dev.orderflow.bench.observe.ResourceUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This run beside the last committed report ({@code bench/results/<date>/report.json}), each figure
 * with its change. Read as a tree, so a report written before a figure existed still compares: a
 * figure one side lacks shows as "–".
 */
public final class ReportComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final JsonNode then;

  private ReportComparison(String name, JsonNode then) {
    this.name = name;
    this.then = then;
  }

  /** The newest {@code <date>/report.json} under {@code results}, when there is one. */
  public static Optional<ReportComparison> latest(Path results) {
    if (!Files.isDirectory(results)) {
      return Optional.empty();
    }
    try (Stream<Path> dates = Files.list(results)) {
      Optional<Path> newest =
          dates
              .filter(d -> Files.isRegularFile(d.resolve("report.json")))
              .max(Comparator.comparing(d -> d.getFileName().toString()));
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      Path file = newest.get().resolve("report.json");
      return Optional.of(
          new ReportComparison(results.relativize(file).toString(), JSON.readTree(file.toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the previous report under " + results, e);
    }
  }

  String markdown(BenchReport now) {
    StringBuilder md = new StringBuilder();
    md.append("\n## Compared with bench/results/").append(name).append("\n\n");
    md.append("| figure | then | now | change |\n|---|---|---|---|\n");
    for (CeilingResult ceiling : now.ceilings()) {
      row(
          md,
          "ceiling " + ceiling.name() + " records/s",
          find(then.path("ceilings"), "name", ceiling.name()).path("recordsPerSecond"),
          ceiling.recordsPerSecond());
    }
    LatencySummary latency = now.latency();
    row(md, "end to end p50 ms", then.path("latency").path("p50"), latency.p50());
    row(md, "end to end p99 ms", then.path("latency").path("p99"), latency.p99());
    for (ResourceUsage usage : now.resources()) {
      JsonNode before = find(then.path("resources"), "process", usage.process());
      row(md, usage.process() + " CPU % avg", before.path("cpuPercentAvg"), usage.cpuPercentAvg());
      row(
          md,
          usage.process() + " CPU-s per 1,000 orders",
          before.path("cpuSecondsPerThousand"),
          usage.cpuSecondsPerThousand());
    }
    md.append("\n| target | then | now |\n|---|---|---|\n");
    for (Target target : now.targets()) {
      JsonNode before = find(then.path("targets"), "name", target.name());
      String was =
          before.isMissingNode()
              ? "–"
              : before.path("measured").asText() + (before.path("met").asBoolean() ? " (met)" : "");
      md.append("| ")
          .append(cell(target.name()))
          .append(" | ")
          .append(cell(was))
          .append(" | ")
          .append(cell(target.measured() + (target.met() ? " (met)" : "")))
          .append(" |\n");
    }
    return md.toString();
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      if (value.equals(element.path(field).asText())) {
        return element;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static void row(StringBuilder md, String figure, JsonNode then, double now) {
    double before = then.isNumber() ? then.asDouble() : Double.NaN;
    String change =
        Double.isNaN(before) || Double.isNaN(now) || before == 0
            ? "–"
            : String.format(Locale.ROOT, "%+.0f %%", 100 * (now - before) / before);
    md.append("| ")
        .append(cell(figure))
        .append(" | ")
        .append(MarkdownReport.f(before))
        .append(" | ")
        .append(MarkdownReport.f(now))
        .append(" | ")
        .append(change)
        .append(" |\n");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
