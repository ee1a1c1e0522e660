package dev.orderflow.ingest.topology;

import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.ingest.intake.Assessment;
import dev.orderflow.ingest.outcome.OrderCreatedFactory;
import dev.orderflow.ingest.outcome.Provenance;
import dev.orderflow.ingest.outcome.Rejection;
import dev.orderflow.ingest.outcome.RejectionKind;
import dev.orderflow.schema.OrderCreated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage one: reads and validates each submitted record. An invalid one becomes its rejection at
 * once; a valid one is re-keyed by its order id (vendorId:orderId) for the dedup stage, stamped
 * with the processing time that the dedup window counts from.
 */
final class ValidateProcessor implements Processor<byte[], byte[], byte[], Routed> {
  private static final Logger LOGGER = LoggerFactory.getLogger(ValidateProcessor.class);

  private final IngestParts parts;
  private ProcessorContext<byte[], Routed> context;

  ValidateProcessor(IngestParts parts) {
    this.parts = parts;
  }

  @Override
  public void init(ProcessorContext<byte[], Routed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Instant now = parts.clock().instant();
    Provenance source = provenance(record);
    String correlationId = CorrelationIds.from(record.headers());
    CorrelationIds.Scope logContext = CorrelationIds.inMdc(correlationId);
    try {
      switch (parts.assessor().assess(record.value(), now)) {
        case Assessment.Accepted accepted -> accept(record, accepted, source, correlationId, now);
        case Assessment.Refused refused -> refuse(record, refused, source, correlationId, now);
      }
    } finally {
      logContext.close();
    }
  }

  private void accept(
      Record<byte[], byte[]> record,
      Assessment.Accepted accepted,
      Provenance source,
      String correlationId,
      Instant now) {
    OrderCreated order =
        OrderCreatedFactory.create(
            accepted.order(), accepted.format(), accepted.schemaId(), source, correlationId, now);
    byte[] envelope = new AcceptedSubmission(order, record.timestamp(), record.value()).toBytes();
    context.forward(
        record
            .withKey(order.getOrderId().getBytes(StandardCharsets.UTF_8))
            .withValue((Routed) new Routed.ToDedup(envelope))
            .withTimestamp(now.toEpochMilli())
            .withHeaders(OutcomeHeaders.forDedup(record.headers(), correlationId, record.key())));
  }

  private void refuse(
      Record<byte[], byte[]> record,
      Assessment.Refused refused,
      Provenance source,
      String correlationId,
      Instant now) {
    Rejection rejection =
        new Rejection(
            RejectionKind.INVALID,
            refused.reasons(),
            refused.vendorId(),
            refused.vendorOrderId(),
            correlationId,
            source,
            refused.format(),
            refused.schemaId(),
            now,
            record.value());
    LOGGER.info(
        "submission rejected source={}/{}@{} correlationId={} reasons={}",
        source.topic(),
        source.partition(),
        source.offset(),
        correlationId,
        rejection.reasonCodes());
    parts
        .metrics()
        .rejected(
            RejectionKind.INVALID,
            refused.reasons(),
            Duration.ofMillis(now.toEpochMilli() - record.timestamp()));
    context.forward(
        record
            .withValue((Routed) new Routed.ToRejected(parts.rejections().write(rejection)))
            .withHeaders(
                OutcomeHeaders.forRejection(
                    record.headers(), correlationId, rejection.reasonCodes())));
  }

  private Provenance provenance(Record<byte[], byte[]> record) {
    RecordMetadata metadata =
        context
            .recordMetadata()
            .orElseThrow(() -> new IllegalStateException("a source record has metadata"));
    return new Provenance(
        metadata.topic(), metadata.partition(), metadata.offset(), record.timestamp());
  }
}
