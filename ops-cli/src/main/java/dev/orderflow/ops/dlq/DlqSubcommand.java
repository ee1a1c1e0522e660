package dev.orderflow.ops.dlq;

import dev.orderflow.common.logging.Redact;
import dev.orderflow.ops.connect.Connection;
import dev.orderflow.ops.connect.ConnectionException;
import dev.orderflow.ops.connect.ConnectionOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code ops dlq} command does around its work: opens and closes the clients, and turns
 * a failure into one line on stderr and the documented exit code (never a stack trace).
 */
abstract class DlqSubcommand implements Callable<Integer> {
  private static final Logger LOGGER = LoggerFactory.getLogger(DlqSubcommand.class);

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long to wait for Kafka or the registry (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public final Integer call() {
    Connection settings;
    try {
      settings = connection.connect(err(), connectionFlags());
    } catch (ConnectionException e) {
      return fail(ExitCode.USAGE, e.getMessage(), e);
    }
    try (DlqClients clients = new DlqClients(settings, timeout)) {
      return run(clients);
    } catch (DlqException e) {
      return fail(e.exitCode(), e.getMessage(), e);
    } catch (ConnectionException e) {
      return fail(ExitCode.USAGE, e.getMessage(), e);
    } catch (TimeoutException e) {
      return fail(
          ExitCode.USAGE,
          "Kafka at %s did not answer within %s (%s); check --bootstrap-servers"
              .formatted(settings.bootstrapServers(), timeout, e.getMessage()),
          e);
    } catch (KafkaException e) {
      return fail(ExitCode.USAGE, "Kafka: " + e.getMessage(), e);
    }
  }

  abstract int run(DlqClients clients);

  /** A command's own connection flags, as variables ({@code AWS_REGION} → value). */
  Map<String, String> connectionFlags() {
    return Map.of();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private int fail(int code, String message, Exception e) {
    LOGGER.debug("ops dlq {} failed", spec.name(), e);
    out().flush();
    // stderr bypasses the log layout: mask what it would (tokens, credentials in URLs).
    err().println("error: " + Redact.text(message));
    err().flush();
    return code;
  }
}
