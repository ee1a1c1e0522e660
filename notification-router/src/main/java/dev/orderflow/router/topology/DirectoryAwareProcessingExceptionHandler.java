package dev.orderflow.router.topology;

import dev.orderflow.router.buyer.BuyerDirectoryUnavailableException;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory or registry outage ({@link SystemicFailures}) fails the stream thread with no dead
 * letter: the order is not bad, it must wait, and the replaced thread resumes from the last
 * committed offset. Anything else is a problem with that one record: it goes to the dead-letter
 * topic (KIP-1034, with Kafka's {@code __streams.errors.*} headers) and the partition moves on.
 */
public final class DirectoryAwareProcessingExceptionHandler implements ProcessingExceptionHandler {
  private static final Logger LOGGER =
      LoggerFactory.getLogger(DirectoryAwareProcessingExceptionHandler.class);

  private final LogAndContinueProcessingExceptionHandler deadLetter =
      new LogAndContinueProcessingExceptionHandler();

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetter.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (SystemicFailures.isSystemic(exception)) {
      LOGGER.warn(
          "dependency unavailable, stopping task={} at {}-{}@{} until it answers error={}",
          context.taskId(),
          context.topic(),
          context.partition(),
          context.offset(),
          exception.toString());
      return Response.fail();
    }
    return deadLetter.handleError(context, record, exception);
  }

  static boolean isDirectoryOutage(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof BuyerDirectoryUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
