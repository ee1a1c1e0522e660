package dev.orderflow.ingest.topology;

import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.ingest.outcome.Provenance;
import dev.orderflow.ingest.outcome.Rejection;
import dev.orderflow.ingest.outcome.RejectionKind;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage two: sees every valid submission of one order id on one task (the stream is keyed by order
 * id), so it can tell a new order from a repeat. The window store forgets ids once they are older
 * than the window; it is changelogged, so the memory survives restarts and moves with the task.
 */
final class DedupProcessor implements Processor<byte[], byte[], byte[], Deduplicated> {
  private static final Logger LOGGER = LoggerFactory.getLogger(DedupProcessor.class);

  private final IngestParts parts;
  private final String storeName;
  private ProcessorContext<byte[], Deduplicated> context;
  private WindowStore<String, SeenOrder> store;

  DedupProcessor(IngestParts parts, String storeName) {
    this.parts = parts;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<byte[], Deduplicated> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    AcceptedSubmission accepted = AcceptedSubmission.fromBytes(record.value());
    CorrelationIds.Scope logContext = CorrelationIds.inMdc(accepted.order().getCorrelationId());
    try {
      deduplicate(record, accepted);
    } finally {
      logContext.close();
    }
  }

  private void deduplicate(Record<byte[], byte[]> record, AcceptedSubmission accepted) {
    OrderCreated order = accepted.order();
    long now = record.timestamp();
    SeenOrder earlier = earlier(order.getOrderId(), now);
    Duration latency = Duration.ofMillis(parts.clock().millis() - accepted.sourceTimestamp());
    if (earlier == null) {
      store.put(order.getOrderId(), seen(order, now), now);
      parts.metrics().accepted(order.getSubmission().getFormat(), latency);
      LOGGER.debug("order created orderId={}", order.getOrderId());
      context.forward(
          record
              .withValue((Deduplicated) new Deduplicated.Created(order))
              .withHeaders(OutcomeHeaders.forCreated(record.headers(), order.getCorrelationId())));
      return;
    }
    boolean sameContent = earlier.contentHash().equals(order.getSubmission().getContentHash());
    RejectionKind kind = sameContent ? RejectionKind.DUPLICATE : RejectionKind.CONFLICT;
    Reason reason = sameContent ? duplicate(order, earlier) : conflict(order, earlier);
    reject(record, accepted, kind, reason, latency);
  }

  private SeenOrder earlier(String orderId, long now) {
    long window = parts.dedupWindow().toMillis();
    try (WindowStoreIterator<SeenOrder> found =
        store.fetch(orderId, Math.max(0, now - window), now + window)) {
      return found.hasNext() ? found.next().value : null;
    }
  }

  private static SeenOrder seen(OrderCreated order, long now) {
    SubmissionMetadata submission = order.getSubmission();
    return new SeenOrder(
        submission.getContentHash(),
        order.getCorrelationId(),
        submission.getTopic(),
        submission.getPartition(),
        submission.getOffset(),
        now);
  }

  private void reject(
      Record<byte[], byte[]> record,
      AcceptedSubmission accepted,
      RejectionKind kind,
      Reason reason,
      Duration latency) {
    OrderCreated order = accepted.order();
    SubmissionMetadata submission = order.getSubmission();
    Rejection rejection =
        new Rejection(
            kind,
            List.of(reason),
            order.getVendorId(),
            order.getVendorOrderId(),
            order.getCorrelationId(),
            new Provenance(
                submission.getTopic(),
                submission.getPartition(),
                submission.getOffset(),
                accepted.sourceTimestamp()),
            submission.getFormat(),
            submission.getSchemaId(),
            parts.clock().instant(),
            accepted.original());
    LOGGER.info(
        "submission rejected orderId={} source={}/{}@{} kind={}",
        order.getOrderId(),
        submission.getTopic(),
        submission.getPartition(),
        submission.getOffset(),
        kind);
    parts.metrics().rejected(kind, rejection.reasons(), latency);
    context.forward(
        record
            .withKey(OutcomeHeaders.sourceKey(record.headers()))
            .withValue(
                (Deduplicated) new Deduplicated.Rejected(parts.rejections().write(rejection)))
            .withHeaders(
                OutcomeHeaders.forRejection(
                    record.headers(), order.getCorrelationId(), rejection.reasonCodes())));
  }

  private static Reason duplicate(OrderCreated order, SeenOrder earlier) {
    return new Reason(
        ReasonCode.DUPLICATE_SUBMISSION,
        "orderId",
        "Order "
            + order.getOrderId()
            + " was already accepted at "
            + Instant.ofEpochMilli(earlier.acceptedAtMillis())
            + " (from "
            + earlier.source()
            + ", correlation id "
            + earlier.correlationId()
            + ") with the same content; this repeat created no second order.");
  }

  private static Reason conflict(OrderCreated order, SeenOrder earlier) {
    return new Reason(
        ReasonCode.ORDER_CONFLICT,
        "orderId",
        "Order "
            + order.getOrderId()
            + " was already accepted at "
            + Instant.ofEpochMilli(earlier.acceptedAtMillis())
            + " (from "
            + earlier.source()
            + ") with different content; an accepted order cannot be changed by sending it"
            + " again. Give a new order a new order id.");
  }
}
