package dev.orderflow.bench.report;

import dev.orderflow.bench.ceiling.CeilingResult;
import dev.orderflow.bench.observe.ResourceUsage;
import java.util.Locale;

/** The report as Markdown: settings, targets first, then the figures behind them. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(BenchReport report, String chartFile) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark report ").append(report.runId()).append("\n\n");
    md.append("Started ").append(report.startedAt()).append(" on ").append(report.machine());
    md.append(".\n\n## Settings\n\n| setting | value |\n|---|---|\n");
    report.settings().forEach((k, v) -> row(md, k, v));
    md.append(
        "\n## Targets\n\n| target | wanted | measured | met | note |\n|---|---|---|---|---|\n");
    report
        .targets()
        .forEach(
            t -> row(md, t.name(), t.target(), t.measured(), t.met() ? "yes" : "**no**", t.note()));
    md.append("\n## End-to-end latency (vendor produce → Meta receipt)\n\n");
    LatencySummary l = report.latency();
    md.append("| orders | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
    row(md, Long.toString(l.count()), f(l.p50()), f(l.p95()), f(l.p99()), f(l.max()));
    md.append("\n## Outcomes\n\n| outcome | orders |\n|---|---|\n");
    report.outcomes().forEach((k, v) -> row(md, k, Long.toString(v)));
    md.append(
        "\n## Throughput per stage\n\n| stage | records | average/s | peak/s |\n|---|---|---|---|\n");
    report
        .stages()
        .forEach(
            s ->
                row(
                    md,
                    s.stage(),
                    Long.toString(s.records()),
                    f(s.averagePerSecond()),
                    Long.toString(s.peakPerSecond())));
    md.append("\n## Ceilings (same broker, same run)\n\n");
    md.append(
        "| ceiling | records | bytes | records/s | producer alone/s |\n|---|---|---|---|---|\n");
    for (CeilingResult c : report.ceilings()) {
      row(
          md,
          c.name(),
          Integer.toString(c.records()),
          Integer.toString(c.recordBytes()),
          f(c.recordsPerSecond()),
          f(c.producerPerSecond()));
    }
    md.append("\n## CPU and memory per process\n\n");
    md.append(
        "| process | CPU % avg | CPU % max | CPU-s per 1,000 orders | RSS MiB avg | RSS MiB max |\n"
            + "|---|---|---|---|---|---|\n");
    for (ResourceUsage r : report.resources()) {
      row(
          md,
          r.process(),
          f(r.cpuPercentAvg()),
          f(r.cpuPercentMax()),
          String.format(Locale.ROOT, "%.2f", r.cpuSecondsPerThousand()),
          f(r.rssMibAvg()),
          f(r.rssMibMax()));
    }
    md.append("\n(100 % = one core; the machine has ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(".)\n");
    if (!report.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
    }
    md.append("\n## Over time\n\n![latency and throughput over time](")
        .append(chartFile)
        .append(")\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String... cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell == null ? "" : cell.replace("|", "\\|")).append(" |");
    }
    md.append('\n');
  }

  static String f(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.1f", value);
  }
}
