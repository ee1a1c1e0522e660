package dev.orderflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The suite's table of scenarios: orders, outcomes, losses and duplicates, written at the end. */
final class FaultReport {
  private static final Logger LOGGER = LoggerFactory.getLogger(FaultReport.class);
  private final List<ScenarioResult> results = new ArrayList<>();

  synchronized void add(ScenarioResult result) {
    results.add(result);
  }

  synchronized String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| scenario | orders | matched | lost | wrong | duplicates | took |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    results.forEach(r -> md.append(r.row()).append('\n'));
    return md.toString();
  }

  synchronized void write(Path file) {
    String table = markdown();
    LOGGER.info("end-to-end scenarios:\n{}", table);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# End-to-end scenarios\n\n" + table);
    } catch (IOException e) {
      LOGGER.warn("could not write {}: {}", file, e.toString());
    }
  }
}
