package dev.orderflow.ingest.topology;

import dev.orderflow.common.kafka.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' hook for a record the producer could not send. Records that can never be sent (too
 * large, refused as invalid, a timestamp the broker does not accept) are traced back to their
 * submission through the {@value HeaderNames#INGEST_SOURCE} header and remembered in {@link
 * UndeliverableOutcomes}; the answer is FAIL all the same. Under exactly-once the failed send has
 * already doomed the open transaction (KIP-1034's dead-letter records would be written into that
 * same aborted transaction), so resuming would lose the record and dead-lettering would fail too:
 * the transaction aborts, the stream thread is replaced (see the service's uncaught-exception
 * handler) and the submission's second pass writes the compact rejection. Anything else keeps Kafka
 * Streams' default behaviour.
 */
public final class IngestProductionExceptionHandler implements ProductionExceptionHandler {
  /** Streams config key under which the service passes its {@link UndeliverableOutcomes}. */
  public static final String OUTCOMES_CONFIG = "orderflow.ingest.undeliverable-outcomes";

  private static final Logger LOGGER =
      LoggerFactory.getLogger(IngestProductionExceptionHandler.class);

  private UndeliverableOutcomes outcomes;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(OUTCOMES_CONFIG) instanceof UndeliverableOutcomes given)) {
      throw new ConfigException(
          OUTCOMES_CONFIG, configs.get(OUTCOMES_CONFIG), "expected the UndeliverableOutcomes");
    }
    outcomes = given;
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    Header source = record.headers().lastHeader(HeaderNames.INGEST_SOURCE);
    if (!neverSendable(exception) || source == null) {
      return Response.fail();
    }
    String position = new String(source.value(), StandardCharsets.UTF_8);
    outcomes.failed(position, exception);
    LOGGER.error(
        "outcome cannot be written; the submission will be answered with a compact rejection"
            + " source={} topic={} error={}",
        position,
        record.topic(),
        exception.toString());
    return Response.fail();
  }

  static boolean neverSendable(Exception exception) {
    return exception instanceof RecordTooLargeException
        || exception instanceof RecordBatchTooLargeException
        || exception instanceof InvalidRecordException
        || exception instanceof InvalidTimestampException;
  }
}
