package dev.orderflow.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.bench.ceiling.CeilingResult;
import dev.orderflow.bench.observe.ResourceUsage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @Test
  void aReportIsWrittenAsJsonMarkdownAndAChart(@TempDir Path dir) throws Exception {
    BenchReport report = report(1000, 450, 1.25);

    System.setProperty("java.awt.headless", "true");
    ReportWriter.write(report, dir);

    assertThat(
            new ObjectMapper().readTree(dir.resolve("report.json").toFile()).path("runId").asText())
        .isEqualTo("b1");
    assertThat(Files.readString(dir.resolve("report.md")))
        .contains("| p99 ≤ 1 s | 1000 ms | 450 ms | yes |")
        .contains("| order-ingest | 40.0 | 90.0 | 1.25 | 200.0 | 250.0 |")
        .contains("![latency and throughput over time](report.png)");
    BufferedImage png = ImageIO.read(dir.resolve("report.png").toFile());
    assertThat(png.getWidth()).isEqualTo(1200);
  }

  @Test
  void theReportComparesEachFigureWithTheLastCommittedOne(@TempDir Path dir) throws Exception {
    // Given an earlier report committed under results/2026-11-26 and a newer one under 2026-12-01
    Path results = dir.resolve("results");
    ReportWriter.write(report(500, 900, 2.5), results.resolve("2026-11-26"));
    ReportWriter.write(report(800, 600, 2.0), results.resolve("2026-12-01"));

    // When this run's report is written with the comparison
    ReportWriter.write(
        report(1000, 450, 1.25), dir.resolve("now"), ReportComparison.latest(results));

    // Then it compares with the newest, figure by figure, with the change
    assertThat(Files.readString(dir.resolve("now").resolve("report.md")))
        .contains("## Compared with bench/results/2026-12-01/report.json")
        .contains("| ceiling raw records/s | 90,000.0 | 90,000.0 | +0 % |")
        .contains("| end to end p99 ms | 600.0 | 450.0 | -25 % |")
        .contains("| order-ingest CPU-s per 1,000 orders | 2.0 | 1.3 | -38 % |")
        .contains("| p99 ≤ 1 s | 600 ms (met) | 450 ms (met) |");
  }

  @Test
  void withNoCommittedReportThereIsNoComparison(@TempDir Path dir) {
    assertThat(ReportComparison.latest(dir.resolve("results"))).isEmpty();
  }

  private static BenchReport report(int rate, double p99, double cpuSecondsPerThousand) {
    return new BenchReport(
        "b1",
        "2026-11-26T09:00:00Z",
        "2 cores",
        Map.of("rate", rate + "/s"),
        List.of(new CeilingResult("raw", 1000, 600, 90_000, 120_000)),
        Map.of("delivered", 10L),
        new LatencySummary(10, 120, 300, p99, 500),
        List.of(new StageRate("orders.created.v1", 10, 5, 7)),
        List.of(new ResourceUsage("order-ingest", 40, 90, 200, 250, cpuSecondsPerThousand)),
        List.of(new Target("p99 ≤ 1 s", "1000 ms", Math.round(p99) + " ms", true, "")),
        List.of("a note"),
        List.of(new TimePoint(0, 5, 3, 100, 200), new TimePoint(1, 5, 7, 110, Double.NaN)));
  }
}
