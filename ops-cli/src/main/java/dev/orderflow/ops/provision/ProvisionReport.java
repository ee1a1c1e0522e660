package dev.orderflow.ops.provision;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Collects outcomes and prints them as they come, so a failure part-way still shows progress. */
public final class ProvisionReport {
  private final List<Outcome> outcomes = new ArrayList<>();
  private final PrintWriter out;
  private final boolean dryRun;

  ProvisionReport(PrintWriter out, boolean dryRun) {
    this.out = out;
    this.dryRun = dryRun;
  }

  boolean dryRun() {
    return dryRun;
  }

  void changed(String resource, String detail) {
    add(new Outcome.Changed(resource, detail));
  }

  void warning(String resource, String detail) {
    add(new Outcome.Warning(resource, detail));
  }

  private void add(Outcome outcome) {
    outcomes.add(outcome);
    String label =
        switch (outcome) {
          case Outcome.Changed c -> dryRun ? "would change" : "changed";
          case Outcome.Warning w -> "warning";
        };
    out.printf("%-12s %s: %s%n", label, outcome.resource(), outcome.detail());
    out.flush();
  }

  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  long changes() {
    return outcomes.stream().filter(Outcome.Changed.class::isInstance).count();
  }

  void printSummary() {
    long warnings = outcomes.size() - changes();
    String suffix = warnings == 0 ? "" : " (" + warnings + " warning(s))";
    if (changes() == 0) {
      out.println("no changes" + suffix);
    } else {
      out.println(changes() + (dryRun ? " change(s) to make" : " change(s) made") + suffix);
    }
    out.flush();
  }
}
