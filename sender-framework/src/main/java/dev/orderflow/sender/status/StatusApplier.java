package dev.orderflow.sender.status;

import dev.orderflow.schema.DeliveryState;
import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.Platform;
import dev.orderflow.schema.StatusError;
import dev.orderflow.sender.ledger.DeliveryLedger;
import dev.orderflow.sender.ledger.StatusResult;
import dev.orderflow.sender.ledger.StatusUpdate;
import dev.orderflow.sender.metrics.SenderMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies one status webhook of this sender's platform to the ledger (see the package docs). */
public final class StatusApplier {
  private static final Logger LOGGER = LoggerFactory.getLogger(StatusApplier.class);

  /** Dead-letters the record a failed notification was sent from; false when it is gone. */
  public interface DeadLetters {
    boolean deadLetter(String notificationId, DeliveryStatus status, StatusResult.Failed failed)
        throws InterruptedException;
  }

  private final Platform platform;
  private final DeliveryLedger ledger;
  private final DeadLetters deadLetters;
  private final SenderMetrics metrics;
  private final Clock clock;

  public StatusApplier(
      Platform platform,
      DeliveryLedger ledger,
      DeadLetters deadLetters,
      SenderMetrics metrics,
      Clock clock) {
    this.platform = platform;
    this.ledger = ledger;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Applies {@code status} if it is this platform's. A ledger failure propagates: the caller
   * retries the same status (applying is idempotent).
   */
  public void apply(DeliveryStatus status) throws InterruptedException {
    if (status.getPlatform() != platform) {
      return;
    }
    String state = status.getStatus().name();
    Optional<String> notificationId = notificationOf(status);
    if (notificationId.isEmpty()) {
      unmatched(status);
      return;
    }
    String id = notificationId.get();
    StatusResult result = ledger.applyStatus(id, update(status), clock.instant());
    switch (result) {
      case StatusResult.Applied applied -> {
        metrics.status(state, "applied");
        if (applied.sentAt() != null && status.getStatus() != DeliveryState.SENT) {
          metrics.afterSend(state, Duration.between(applied.sentAt(), status.getOccurredAt()));
        }
      }
      case StatusResult.Stale stale -> metrics.status(state, "stale");
      case StatusResult.Unknown unknown -> unmatched(status);
      case StatusResult.ConfirmedSent confirmed -> {
        metrics.status(state, "confirmed-sent");
        LOGGER.info(
            "status {} confirms a send whose answer was lost: SENT, not sent again"
                + " notificationId={} messageId={}",
            state,
            id,
            status.getMessageId());
      }
      case StatusResult.Failed failed -> {
        metrics.status(state, "failed");
        deadLetter(id, status, failed);
      }
    }
  }

  private void deadLetter(String id, DeliveryStatus status, StatusResult.Failed failed)
      throws InterruptedException {
    String code = firstError(status).map(e -> Integer.toString(e.getCode())).orElse("none");
    if (deadLetters.deadLetter(id, status, failed)) {
      metrics.statusDeadLettered(code);
      LOGGER.warn(
          "delivery failed after the send (status webhook), dead-lettered notificationId={}"
              + " messageId={} code={}",
          id,
          status.getMessageId(),
          code);
    } else {
      metrics.statusDeadLettered("source-gone");
      LOGGER.error(
          "delivery failed after the send, but the record it was sent from is gone (retention):"
              + " the ledger says FAILED, no dead letter written notificationId={} messageId={}"
              + " code={}",
          id,
          status.getMessageId(),
          code);
    }
  }

  private Optional<String> notificationOf(DeliveryStatus status) {
    String echoed = status.getBizOpaqueCallbackData();
    if (echoed != null && !echoed.isBlank()) {
      return Optional.of(echoed);
    }
    return ledger.notificationOf(status.getMessageId());
  }

  private void unmatched(DeliveryStatus status) {
    metrics.status(status.getStatus().name(), "unmatched");
    LOGGER.info(
        "status names no notification of ours, left in the status topic messageId={} status={}",
        status.getMessageId(),
        status.getStatus());
  }

  static StatusUpdate update(DeliveryStatus status) {
    String error =
        status.getStatus() == DeliveryState.FAILED
            ? firstError(status).map(StatusApplier::describe).orElse("failed (no error given)")
            : null;
    return new StatusUpdate(
        status.getMessageId(), status.getStatus(), status.getOccurredAt(), error);
  }

  static Optional<StatusError> firstError(DeliveryStatus status) {
    return status.getErrors().stream().findFirst();
  }

  private static String describe(StatusError error) {
    StringBuilder text = new StringBuilder().append(error.getCode());
    for (String part : new String[] {error.getTitle(), error.getDetails()}) {
      if (part != null && !part.isBlank()) {
        text.append(' ').append(part);
      }
    }
    return text.toString();
  }
}
