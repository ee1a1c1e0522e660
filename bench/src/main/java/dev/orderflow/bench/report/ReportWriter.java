package dev.orderflow.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report as {@code report.json}, {@code report.md} and {@code report.png}. */
public final class ReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  public static void write(BenchReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    JSON.writeValue(directory.resolve("report.json").toFile(), report);
    Files.writeString(directory.resolve("report.md"), MarkdownReport.render(report, "report.png"));
    ChartWriter.write(report, directory.resolve("report.png"));
  }
}
