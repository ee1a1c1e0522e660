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
    BenchReport report =
        new BenchReport(
            "b1",
            "2026-11-26T09:00:00Z",
            "2 cores",
            Map.of("rate", "1000/s"),
            List.of(new CeilingResult("raw", 1000, 600, 90_000, 120_000)),
            Map.of("delivered", 10L),
            new LatencySummary(10, 120, 300, 450, 500),
            List.of(new StageRate("orders.created.v1", 10, 5, 7)),
            List.of(new ResourceUsage("order-ingest", 40, 90, 200, 250, 1.25)),
            List.of(new Target("p99 ≤ 1 s", "1000 ms", "450 ms", true, "")),
            List.of("a note"),
            List.of(new TimePoint(0, 5, 3, 100, 200), new TimePoint(1, 5, 7, 110, Double.NaN)));

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
}
