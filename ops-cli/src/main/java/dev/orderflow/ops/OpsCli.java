package dev.orderflow.ops;

import dev.orderflow.ops.dlq.DlqCommand;
import dev.orderflow.ops.provision.ProvisionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the operations tool; each job is a subcommand. */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    subcommands = {ProvisionCommand.class, DlqCommand.class, CommandLine.HelpCommand.class},
    description = "orderflow operations: provisioning and dead-letter tools.")
public final class OpsCli {
  private OpsCli() {}

  /** The command line as {@code main} runs it; tests call it to capture output. */
  public static CommandLine commandLine() {
    return new CommandLine(new OpsCli()).setExecutionExceptionHandler(new ErrorLine());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
