package dev.orderflow.ingest.topology;

import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.ingest.outcome.Rejection;
import dev.orderflow.ingest.outcome.RejectionKind;
import dev.orderflow.ingest.validation.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
  private final OutcomeRecords outcomes;
  private ProcessorContext<byte[], Deduplicated> context;
  private WindowStore<String, SeenOrder> store;

  DedupProcessor(IngestParts parts, String storeName) {
    this.parts = parts;
    this.storeName = storeName;
    this.outcomes = new OutcomeRecords(parts);
  }

  @Override
  public void init(ProcessorContext<byte[], Deduplicated> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    AcceptedSubmission accepted = AcceptedSubmission.fromBytes(record.value());
    try (CorrelationIds.Scope logContext = CorrelationIds.inMdc(accepted.correlationId())) {
      deduplicate(record, accepted);
    }
  }

  private void deduplicate(Record<byte[], byte[]> record, AcceptedSubmission accepted) {
    long now = record.timestamp();
    Duration latency =
        Duration.ofMillis(parts.clock().millis() - accepted.source().timestampMillis());
    Optional<String> undeliverable = parts.undeliverable().failure(accepted.source().position());
    if (undeliverable.isPresent()) {
      Reason reason = OutcomeRecords.undeliverable(undeliverable.get()).reasons().get(0);
      reject(record, accepted, RejectionKind.INVALID, reason, latency);
      return;
    }
    SeenOrder earlier = earlier(accepted.orderId(), now);
    if (earlier == null) {
      store.put(accepted.orderId(), SeenOrder.of(accepted, now), now);
      parts.metrics().accepted(accepted.format(), latency);
      LOGGER.debug("order created orderId={}", accepted.orderId());
      context.forward(
          record
              .withValue((Deduplicated) new Deduplicated.Created(accepted.created()))
              .withHeaders(
                  OutcomeHeaders.forCreated(
                      accepted.correlationId(),
                      accepted.requestId(),
                      accepted.source().position())));
      return;
    }
    boolean sameContent = earlier.contentHash().equals(accepted.contentHash());
    RejectionKind kind = sameContent ? RejectionKind.DUPLICATE : RejectionKind.CONFLICT;
    Reason reason =
        sameContent ? Repeats.duplicate(accepted, earlier) : Repeats.conflict(accepted, earlier);
    reject(record, accepted, kind, reason, latency);
  }

  private SeenOrder earlier(String orderId, long now) {
    long window = parts.dedupWindow().toMillis();
    try (WindowStoreIterator<SeenOrder> found =
        store.fetch(orderId, Math.max(0, now - window), now + window)) {
      return found.hasNext() ? found.next().value : null;
    }
  }

  private void reject(
      Record<byte[], byte[]> record,
      AcceptedSubmission accepted,
      RejectionKind kind,
      Reason reason,
      Duration latency) {
    Rejection rejection =
        new Rejection(
            kind,
            List.of(reason),
            accepted.vendorId(),
            accepted.vendorOrderId(),
            accepted.correlationId(),
            accepted.source(),
            accepted.format(),
            accepted.schemaId(),
            parts.clock().instant(),
            accepted.droppedHeaders(),
            accepted.original());
    LOGGER.info(
        "submission rejected orderId={} source={} kind={}",
        accepted.orderId(),
        accepted.source().position(),
        kind);
    parts.metrics().rejected(kind, rejection.reasons(), latency);
    OutcomeRecords.Written written =
        outcomes.rejection(rejection, accepted.sourceKey(), accepted.requestId());
    context.forward(
        record
            .withKey(written.key())
            .withValue((Deduplicated) new Deduplicated.Rejected(written.value()))
            .withHeaders(written.headers()));
  }
}
