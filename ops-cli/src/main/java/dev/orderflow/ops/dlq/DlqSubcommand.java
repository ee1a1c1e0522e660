package dev.orderflow.ops.dlq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code ops dlq} command does around its work: opens and closes the clients, and turns
 * a failure into one line on stderr and the documented exit code (never a stack trace).
 */
abstract class DlqSubcommand implements Callable<Integer> {
  private static final Logger LOGGER = LoggerFactory.getLogger(DlqSubcommand.class);

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Override
  public final Integer call() {
    try (DlqClients clients = new DlqClients(connection)) {
      return run(clients);
    } catch (DlqException e) {
      return fail(e.exitCode(), e.getMessage(), e);
    } catch (TimeoutException e) {
      return fail(
          ExitCode.USAGE,
          "Kafka at %s did not answer within %s (%s); check --bootstrap-servers"
              .formatted(connection.bootstrapServers, connection.timeout, e.getMessage()),
          e);
    } catch (KafkaException e) {
      return fail(ExitCode.USAGE, "Kafka: " + e.getMessage(), e);
    }
  }

  abstract int run(DlqClients clients);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private int fail(int code, String message, Exception e) {
    LOGGER.debug("ops dlq {} failed", spec.name(), e);
    out().flush();
    err().println("error: " + message);
    err().flush();
    return code;
  }
}
