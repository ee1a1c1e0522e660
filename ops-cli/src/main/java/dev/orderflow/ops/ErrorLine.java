package dev.orderflow.ops;

import dev.orderflow.common.logging.Redact;
import dev.orderflow.ops.connect.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failed command prints one line naming the problem and exits 1, or 2 when it could not tell
 * where a system is; the stack trace goes to the debug log.
 */
final class ErrorLine implements IExecutionExceptionHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(ErrorLine.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    LOGGER.debug("Command failed", exception);
    // stderr bypasses the log layout: mask what it would (tokens, credentials in URLs).
    commandLine.getErr().println("error: " + Redact.text(exception.getMessage()));
    commandLine.getErr().flush();
    return exception instanceof ConnectionException ? ConnectionException.EXIT_CODE : 1;
  }
}
