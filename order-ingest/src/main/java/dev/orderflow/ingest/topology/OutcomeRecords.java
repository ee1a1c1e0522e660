package dev.orderflow.ingest.topology;

import dev.orderflow.ingest.intake.Assessment;
import dev.orderflow.ingest.intake.VendorHeaders;
import dev.orderflow.ingest.outcome.Original;
import dev.orderflow.ingest.outcome.Provenance;
import dev.orderflow.ingest.outcome.Rejection;
import dev.orderflow.ingest.validation.Reason;
import dev.orderflow.ingest.validation.ReasonCode;
import dev.orderflow.ingest.validation.ValidOrder;
import dev.orderflow.schema.OrderCreated;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Builds the records both stages send so that none exceeds {@link IngestParts#maxOutgoingBytes()}:
 * a rejection falls back to its compact form, the envelope to dedup carries a shorter prefix of the
 * original, and an OrderCreated that could not be published is refused instead.
 */
final class OutcomeRecords {
  /** A rejection's key, value and headers. */
  record Written(byte[] key, byte[] value, Headers headers) {}

  private final IngestParts parts;

  OutcomeRecords(IngestParts parts) {
    this.parts = parts;
  }

  /**
   * A rejection as small as the room allows; always compact for {@code OUTCOME_UNDELIVERABLE},
   * whose full form is what could not be sent before.
   */
  Written rejection(Rejection rejection, byte[] submittedKey, String requestId) {
    byte[] key = OutcomeHeaders.boundedKey(submittedKey);
    Headers headers =
        OutcomeHeaders.forRejection(
            rejection.correlationId(),
            requestId,
            rejection.reasonCodes(),
            rejection.source().position());
    boolean undeliverable =
        rejection.reasons().stream().anyMatch(r -> r.code() == ReasonCode.OUTCOME_UNDELIVERABLE);
    int room = undeliverable ? 0 : parts.maxOutgoingBytes() - RecordSize.of(key, null, headers);
    return new Written(key, parts.rejections().write(rejection, room), headers);
  }

  byte[] envelope(
      Assessment.Accepted accepted,
      OrderCreated order,
      byte[] created,
      Record<byte[], byte[]> record,
      Provenance source,
      VendorHeaders vendor,
      byte[] key) {
    ValidOrder valid = accepted.order();
    Original original = Original.whole(record.value(), parts.rejections().maxOriginalBytes());
    AcceptedSubmission submission =
        new AcceptedSubmission(
            order.getOrderId(),
            valid.vendorId(),
            valid.vendorOrderId(),
            vendor.correlationId(),
            vendor.requestId(),
            valid.contentHash(),
            accepted.format(),
            accepted.schemaId(),
            source,
            vendor.dropped(),
            OutcomeHeaders.boundedKey(record.key()),
            original.sizeBytes(),
            original.sha256(),
            original.kept(),
            created);
    byte[] bytes = submission.toBytes();
    int size = RecordSize.of(key, bytes, OutcomeHeaders.forDedup(source.position()));
    if (size <= parts.maxOutgoingBytes()) {
      return bytes;
    }
    int room = submission.originalKept().length - (size - parts.maxOutgoingBytes());
    return submission.withOriginalCutTo(Math.max(0, room)).toBytes();
  }

  /** The order is valid, but its OrderCreated is larger than any record this service sends. */
  Assessment.Refused tooLargeToPublish(Assessment.Accepted accepted, int createdBytes) {
    return new Assessment.Refused(
        List.of(
            Reason.ofRecord(
                ReasonCode.OUTCOME_UNDELIVERABLE,
                "The order is valid, but its OrderCreated would be "
                    + createdBytes
                    + " bytes and at most "
                    + parts.maxOutgoingBytes()
                    + " can be published; send fewer or shorter items.")),
        accepted.format(),
        accepted.schemaId(),
        accepted.order().vendorId(),
        accepted.order().vendorOrderId());
  }

  /** A second pass over a submission whose outcome could not be sent the first time. */
  static Assessment.Refused undeliverable(String failure) {
    return new Assessment.Refused(
        List.of(
            Reason.ofRecord(
                ReasonCode.OUTCOME_UNDELIVERABLE,
                "The outcome of this record could not be written to Kafka ("
                    + Reason.echo(failure)
                    + "); this compact rejection stands in for it.")),
        null,
        null,
        null,
        null);
  }
}
