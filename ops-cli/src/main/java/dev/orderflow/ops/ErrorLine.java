package dev.orderflow.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A failed command prints one line naming the problem; the stack trace goes to the debug log. */
final class ErrorLine implements IExecutionExceptionHandler {
  private static final Logger LOGGER = LoggerFactory.getLogger(ErrorLine.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    LOGGER.debug("Command failed", exception);
    commandLine.getErr().println("error: " + exception.getMessage());
    commandLine.getErr().flush();
    return 1;
  }
}
