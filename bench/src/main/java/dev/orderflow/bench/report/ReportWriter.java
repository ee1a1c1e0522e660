package dev.orderflow.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes a report as {@code report.json}, {@code report.md} and {@code report.png}. */
public final class ReportWriter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  public static void write(BenchReport report, Path directory) throws IOException {
    write(report, directory, Optional.empty());
  }

  /**
   * With a section comparing it to {@code previous} (the last committed report), when there is one.
   */
  public static void write(BenchReport report, Path directory, Optional<ReportComparison> previous)
      throws IOException {
    Files.createDirectories(directory);
    JSON.writeValue(directory.resolve("report.json").toFile(), report);
    String markdown =
        MarkdownReport.render(report, "report.png")
            + previous.map(p -> p.markdown(report)).orElse("");
    Files.writeString(directory.resolve("report.md"), markdown);
    ChartWriter.write(report, directory.resolve("report.png"));
  }
}
