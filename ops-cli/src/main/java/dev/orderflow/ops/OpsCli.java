package dev.orderflow.ops;

import dev.orderflow.ops.connect.ConnectionOptions;
import dev.orderflow.ops.dlq.DlqCommand;
import dev.orderflow.ops.dlq.OrderCommand;
import dev.orderflow.ops.provision.ProvisionCommand;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the operations tool; each job is a subcommand. */
@Command(
    name = "ops",
    mixinStandardHelpOptions = true,
    subcommands = {
      ProvisionCommand.class,
      DlqCommand.class,
      OrderCommand.class,
      CommandLine.HelpCommand.class
    },
    description = "orderflow operations: provisioning, dead letters and the story of an order.")
public final class OpsCli {
  private OpsCli() {}

  /** The command line as {@code main} runs it; tests call it to capture output. */
  public static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** With {@code env} standing in for the process environment, so tests supply their own. */
  public static CommandLine commandLine(Map<String, String> env) {
    return new CommandLine(new OpsCli(), new Factory(env))
        .setExecutionExceptionHandler(new ErrorLine());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Hands every command's {@link ConnectionOptions} the environment. */
  private record Factory(Map<String, String> env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ConnectionOptions.class) {
        return type.cast(new ConnectionOptions(env));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
