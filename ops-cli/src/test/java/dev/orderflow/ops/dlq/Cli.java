package dev.orderflow.ops.dlq;

import dev.orderflow.ops.OpsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code ops dlq …} and {@code ops order …} in this JVM through the jar's own command line,
 * capturing its output.
 */
final class Cli {
  record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final List<String> common;

  Cli(List<String> common) {
    this.common = List.copyOf(common);
  }

  Run run(String command, String... args) {
    List<String> all = new ArrayList<>();
    all.add("dlq");
    all.add(command);
    all.addAll(List.of(args));
    all.addAll(common);
    return execute(all);
  }

  /** {@code ops order <command> <args>}, the flags all in {@code args}. */
  static Run order(String command, String... args) {
    List<String> all = new ArrayList<>();
    all.add("order");
    all.add(command);
    all.addAll(List.of(args));
    return execute(all);
  }

  private static Run execute(List<String> all) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // No environment: the flags say everything, and a developer's local-stack marker is not read.
    CommandLine cli = OpsCli.commandLine(Map.of());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }
}
