package dev.orderflow.common.kafka;

/**
 * The names of the headers the pipeline's own code writes and reads; code outside {@code common}
 * names a header through these constants. Kafka Streams' dead-letter headers ({@code
 * __streams.errors.*}) are Kafka's and not listed. Values are UTF-8 strings unless noted; times are
 * epoch milliseconds written as decimal strings so that kcat and the ops tool show them as they
 * are.
 */
public final class HeaderNames {
  private HeaderNames() {}

  /** Follows an order from intake to the Meta call. */
  public static final String CORRELATION_ID = "correlation-id";

  /** Set by vendors who want a reply keyed to their own request id; copied to the rejection. */
  public static final String VENDOR_REQUEST_ID = "vendor-request-id";

  /**
   * Set by order-ingest on each record it writes: the submission it answers, as {@code
   * topic/partition@offset}. A vendor's header of this name is dropped at intake like any other.
   */
  public static final String INGEST_SOURCE = "ingest.source";

  // Rejections (orders.rejected.v1) and unroutable records (notify.unroutable.v1).
  public static final String REJECT_REASON = "reject.reason";
  public static final String UNROUTABLE_PREFIX = "unroutable.";
  public static final String UNROUTABLE_REASON = "unroutable.reason";
  public static final String UNROUTABLE_DETAIL = "unroutable.detail";

  // Retry hops (notify.<platform>.retry.<delay>).
  public static final String RETRY_PREFIX = "retry.";
  public static final String RETRY_ATTEMPTS = "retry.attempts";
  public static final String RETRY_DUE_AT = "retry.due-at";
  public static final String RETRY_FIRST_FAILURE_AT = "retry.first-failure-at";

  /**
   * "true" once an attempt may have reached Meta without our knowing (no answer after the request
   * was written, or a 200 without a message id); carried through the tiers into {@link
   * #DLQ_POSSIBLY_SENT}.
   */
  public static final String RETRY_POSSIBLY_SENT = "retry.possibly-sent";

  // Where a record on a delay tier first came from, so its dead letter names the main-topic
  // record, not the last tier's copy.
  public static final String RETRY_ORIGINAL_TOPIC = "retry.original.topic";
  public static final String RETRY_ORIGINAL_PARTITION = "retry.original.partition";
  public static final String RETRY_ORIGINAL_OFFSET = "retry.original.offset";
  public static final String RETRY_ORIGINAL_TIMESTAMP = "retry.original.timestamp";

  // Dead letters (notify.<platform>.dlq.v1); diagnostic, stripped on replay.
  public static final String DLQ_PREFIX = "dlq.";
  public static final String DLQ_ORIGINAL_TOPIC = "dlq.original.topic";
  public static final String DLQ_ORIGINAL_PARTITION = "dlq.original.partition";
  public static final String DLQ_ORIGINAL_OFFSET = "dlq.original.offset";
  public static final String DLQ_ORIGINAL_TIMESTAMP = "dlq.original.timestamp";
  public static final String DLQ_SERVICE = "dlq.service";
  public static final String DLQ_ERROR_CLASS = "dlq.error.class";
  public static final String DLQ_ERROR_CODE = "dlq.error.code";
  public static final String DLQ_ERROR_SUBCODE = "dlq.error.subcode";
  public static final String DLQ_ERROR_MESSAGE = "dlq.error.message";
  public static final String DLQ_HTTP_STATUS = "dlq.http.status";
  public static final String DLQ_FBTRACE_ID = "dlq.fbtrace.id";
  public static final String DLQ_ATTEMPTS = "dlq.attempts";
  public static final String DLQ_FIRST_FAILURE_AT = "dlq.first-failure-at";
  public static final String DLQ_LAST_FAILURE_AT = "dlq.last-failure-at";

  /**
   * "true" on a dead letter that may already have reached the buyer: {@code ops dlq replay} refuses
   * it without {@code --force}.
   */
  public static final String DLQ_POSSIBLY_SENT = "dlq.possibly-sent";

  /**
   * On a dead letter written for a delivery Meta reported failed by status webhook, after it had
   * accepted the send: the wamid or mid that failed.
   */
  public static final String DLQ_PLATFORM_MESSAGE_ID = "dlq.platform.message-id";

  /**
   * "true" on a compact dead letter: Kafka refused the full copy (too large, invalid), so the value
   * is only the original's first bytes and of its headers only {@code dlq.*} and the correlation id
   * are kept. It cannot be replayed: {@code ops dlq replay} refuses it.
   */
  public static final String DLQ_COMPACT = "dlq.compact";

  /** Why the full copy was refused (the exception), on a compact dead letter. */
  public static final String DLQ_COMPACT_REASON = "dlq.compact.reason";

  /** Size in bytes of the original value, on a compact dead letter. */
  public static final String DLQ_ORIGINAL_SIZE = "dlq.original.size";

  /**
   * SHA-256 (hex) of the original value, on a compact dead letter: to find or prove the original.
   */
  public static final String DLQ_ORIGINAL_SHA256 = "dlq.original.sha256";

  // Meta's webhooks (meta-webhooks): every record of one webhook delivery carries its request id as
  // CORRELATION_ID, the time it was received and the webhook's "object" (whatsapp_business_account,
  // instagram).
  public static final String WEBHOOK_RECEIVED_AT = "webhook.received-at";
  public static final String WEBHOOK_OBJECT = "webhook.object";

  /**
   * Why part of a webhook went to meta-webhooks.unparsed.v1, one header per reason (a JSON path and
   * what was wrong there).
   */
  public static final String UNPARSED_REASON = "unparsed.reason";

  /** How many times the ops tool has replayed this record; kept across replays. */
  public static final String REPLAY_COUNT = "replay.count";
}
