package dev.orderflow.bench;

import dev.orderflow.bench.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench.jar run …} (the benchmark) or {@code … demo} (the README's demo). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {BenchCommand.class, DemoCommand.class},
    description = "orderflow's benchmark harness and demo driver.")
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    dev.orderflow.schema.ContractClasses.trustForAvro();
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }
}
