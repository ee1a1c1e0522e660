package dev.orderflow.ingest.topology;

import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.ingest.intake.Assessment;
import dev.orderflow.ingest.intake.VendorHeaders;
import dev.orderflow.ingest.outcome.OrderCreatedFactory;
import dev.orderflow.ingest.outcome.Original;
import dev.orderflow.ingest.outcome.Provenance;
import dev.orderflow.ingest.outcome.Rejection;
import dev.orderflow.ingest.outcome.RejectionKind;
import dev.orderflow.schema.OrderCreated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage one: reads and validates each submitted record. An invalid one becomes its rejection at
 * once; a valid one becomes an {@link AcceptedSubmission} keyed by its order id (vendorId:orderId)
 * for the dedup stage, stamped with the processing time that the dedup window counts from. Every
 * record it forwards is size-checked first ({@link OutcomeRecords}).
 */
final class ValidateProcessor implements Processor<byte[], byte[], byte[], Routed> {
  private static final Logger LOGGER = LoggerFactory.getLogger(ValidateProcessor.class);

  private final IngestParts parts;
  private final String createdTopic;
  private final Serializer<OrderCreated> createdSerializer;
  private final OutcomeRecords outcomes;
  private ProcessorContext<byte[], Routed> context;

  ValidateProcessor(IngestParts parts, IngestTopics topics) {
    this.parts = parts;
    this.createdTopic = topics.created().name();
    this.createdSerializer = topics.created().valueSerializer();
    this.outcomes = new OutcomeRecords(parts);
  }

  @Override
  public void init(ProcessorContext<byte[], Routed> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Instant now = parts.clock().instant();
    Provenance source = provenance(record);
    VendorHeaders vendor = VendorHeaders.read(record.headers());
    try (CorrelationIds.Scope logContext = CorrelationIds.inMdc(vendor.correlationId())) {
      Optional<String> undeliverable = parts.undeliverable().failure(source.position());
      if (undeliverable.isPresent()) {
        refuse(record, OutcomeRecords.undeliverable(undeliverable.get()), source, vendor, now);
        return;
      }
      switch (parts.assessor().assess(record.value(), now)) {
        case Assessment.Accepted accepted -> accept(record, accepted, source, vendor, now);
        case Assessment.Refused refused -> refuse(record, refused, source, vendor, now);
      }
    }
  }

  private void accept(
      Record<byte[], byte[]> record,
      Assessment.Accepted accepted,
      Provenance source,
      VendorHeaders vendor,
      Instant now) {
    OrderCreated order =
        OrderCreatedFactory.create(
            accepted.order(),
            accepted.format(),
            accepted.schemaId(),
            source,
            vendor.correlationId(),
            now);
    byte[] created = createdSerializer.serialize(createdTopic, order);
    byte[] key = order.getOrderId().getBytes(StandardCharsets.UTF_8);
    Headers createdHeaders =
        OutcomeHeaders.forCreated(vendor.correlationId(), vendor.requestId(), source.position());
    if (RecordSize.of(key, created, createdHeaders) > parts.maxOutgoingBytes()) {
      refuse(record, outcomes.tooLargeToPublish(accepted, created.length), source, vendor, now);
      return;
    }
    byte[] envelope = outcomes.envelope(accepted, order, created, record, source, vendor, key);
    context.forward(
        record
            .withKey(key)
            .withValue((Routed) new Routed.ToDedup(envelope))
            .withTimestamp(now.toEpochMilli())
            .withHeaders(OutcomeHeaders.forDedup(source.position())));
  }

  private void refuse(
      Record<byte[], byte[]> record,
      Assessment.Refused refused,
      Provenance source,
      VendorHeaders vendor,
      Instant now) {
    Rejection rejection =
        new Rejection(
            RejectionKind.INVALID,
            refused.reasons(),
            refused.vendorId(),
            refused.vendorOrderId(),
            vendor.correlationId(),
            source,
            refused.format(),
            refused.schemaId(),
            now,
            vendor.dropped(),
            Original.of(record.value(), parts.rejections().maxOriginalBytes()));
    LOGGER.info(
        "submission rejected source={} correlationId={} reasons={}",
        source.position(),
        vendor.correlationId(),
        rejection.reasonCodes());
    parts
        .metrics()
        .rejected(
            RejectionKind.INVALID,
            refused.reasons(),
            Duration.ofMillis(now.toEpochMilli() - record.timestamp()));
    OutcomeRecords.Written written =
        outcomes.rejection(rejection, record.key(), vendor.requestId());
    context.forward(
        record
            .withKey(written.key())
            .withValue((Routed) new Routed.ToRejected(written.value()))
            .withHeaders(written.headers()));
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
