package dev.orderflow.router.topology;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes that cannot be read go to the dead-letter topic (KIP-1034) and the partition moves on; but
 * when the schema registry cannot be reached the bytes are not at fault: the stream thread fails
 * without a dead letter, is replaced, and its task resumes from the last commit, so the record is
 * read again once the registry answers.
 */
public final class RegistryAwareDeserializationExceptionHandler
    implements DeserializationExceptionHandler {
  private static final Logger LOGGER =
      LoggerFactory.getLogger(RegistryAwareDeserializationExceptionHandler.class);

  private final LogAndContinueExceptionHandler deadLetter = new LogAndContinueExceptionHandler();

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetter.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (SystemicFailures.isSystemic(exception)) {
      LOGGER.warn(
          "schema registry unavailable, stopping task={} at {}-{}@{} until it answers error={}",
          context.taskId(),
          context.topic(),
          context.partition(),
          context.offset(),
          exception.toString());
      return Response.fail();
    }
    return deadLetter.handleError(context, record, exception);
  }
}
