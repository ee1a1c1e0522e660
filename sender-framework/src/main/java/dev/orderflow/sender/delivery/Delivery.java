package dev.orderflow.sender.delivery;

import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.circuit.OpenReason;
import dev.orderflow.sender.ledger.Claim;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.retry.HopPolicy;
import dev.orderflow.sender.retry.RetryState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one record on one hop: claim it in the ledger, then send until it is sent, handed to
 * a delay tier, dead-lettered, or abandoned. Throttles and channel pauses never burn an attempt.
 */
final class Delivery {
  private static final Logger LOGGER = LoggerFactory.getLogger(Delivery.class);

  private final DeliveryDeps deps;
  private final ConsumerRecord<byte[], byte[]> record;
  private final HopPolicy hop;
  private final NotificationRequested notification;
  private final String owner = UUID.randomUUID().toString();
  private final SendAttempt attempt;
  private final Hops hops;
  private final LedgerCalls ledger;
  private RetryState state;

  /** When this run's lease was last written: the ledger counts {@code ledger.lease} from it. */
  private Instant leaseFrom;

  /** An earlier send of this notification may have reached Meta: its status may turn it SENT. */
  private boolean earlierSendPossible;

  private int tries;
  private int throttles;
  private boolean refreshed;

  Delivery(DeliveryDeps deps, ConsumerRecord<byte[], byte[]> record, NotificationRequested n) {
    this.deps = deps;
    this.record = record;
    this.hop = deps.topology().hopOf(record.topic());
    this.notification = n;
    this.state = RetryState.of(record);
    this.attempt = new SendAttempt(deps);
    this.hops = new Hops(deps, record);
    this.ledger = new LedgerCalls(deps);
  }

  void run() throws InterruptedException {
    while (true) {
      if (!claim()) {
        return;
      }
      SendAttempt.Result result;
      try {
        result = attempt.send(notification, guard);
      } catch (SendAttempt.CallInterrupted e) {
        throw e; // keep the lease: the next owner's takeover is then flagged as a possible
        // duplicate
      } catch (InterruptedException e) {
        releaseQuietly();
        throw e;
      }
      if (result == SendAttempt.LEASE_LOST) {
        continue; // the claim decides again: wait out the other run's lease, or find it SENT
      }
      if (handled(result)) {
        return;
      }
    }
  }

  /** True when the outcome ends this delivery; false to try again. */
  private boolean handled(SendAttempt.Result result) throws InterruptedException {
    return switch (result.outcome()) {
      case SendOutcome.Sent sent -> done();
      case SendOutcome.Failed failed -> {
        deps.metrics().failed(failed.errorClass(), failed.error());
        if (failed.possiblySent()) {
          deps.metrics().possiblySent();
          state = state.possiblySentOnce();
        }
        LOGGER.info(
            "send failed class={} code={} subcode={} http={} fbtraceId={} message={}",
            failed.errorClass(),
            failed.error().code(),
            failed.error().subcode(),
            failed.error().httpStatus(),
            failed.error().fbtraceId(),
            failed.error().message());
        yield switch (failed.errorClass()) {
          case RETRY -> retry(failed);
          case BACKOFF -> backOff(failed, result.startedAt());
          case REFRESH -> refresh(failed, result);
          case PERMANENT -> {
            state = state.failedOnceMore(now());
            yield deadLetter(failed);
          }
          case PERMANENT_CONFIG -> pauseChannel(OpenReason.CONFIG, failed);
        };
      }
    };
  }

  private final SendAttempt.Guard guard =
      new SendAttempt.Guard() {
        /**
         * A lease younger than {@code leaseRenewAfter} cannot have expired, and outlasts the call
         * by more than half its slack: renewing it would cost a ledger round trip and prove
         * nothing. It is renewed anyway when an earlier send may have reached Meta, because that
         * send's status may have turned the entry SENT meanwhile, which the renewal finds.
         */
        @Override
        public boolean renewLease() throws InterruptedException {
          if (!earlierSendPossible
              && now().isBefore(leaseFrom.plus(deps.policy().leaseRenewAfter()))) {
            return true;
          }
          String id = notification.getNotificationId();
          if (ledger.call("renew", () -> deps.ledger().renew(id, owner, leaseFrom = now()))) {
            return true;
          }
          deps.metrics().leaseLost("renew");
          return false;
        }

        /** Runs with interrupts deferred (see {@link SendAttempt}): Meta accepted, SENT sticks. */
        @Override
        public void sent(SendOutcome.Sent sent) throws InterruptedException {
          String id = notification.getNotificationId();
          String messageId = sent.platformMessageId();
          var source = new RecordCoordinates(record.topic(), record.partition(), record.offset());
          if (!ledger.call("sent", () -> deps.ledger().sent(id, messageId, source, now()))) {
            deps.metrics().duplicate();
          }
          if (!deps.policy().statusesNameNotification()) {
            indexQuietly(messageId);
          }
        }
      };

  /**
   * Best effort: without the index, this message's status webhooks find no notification and are
   * counted as unmatched; the send itself is done and must not fail for it.
   */
  private void indexQuietly(String messageId) {
    try {
      deps.ledger().indexMessage(messageId, notification.getNotificationId(), now());
    } catch (RuntimeException e) {
      LOGGER.warn(
          "could not index message id {} for notificationId={}: its statuses will be unmatched",
          messageId,
          notification.getNotificationId(),
          e);
    }
  }

  private boolean done() {
    deps.metrics().sent();
    return true;
  }

  private boolean retry(SendOutcome.Failed failed) throws InterruptedException {
    if (deps.circuit().isOpen()) {
      return false; // an outage, not this record's fault: wait for the circuit, keep the attempt
    }
    state = state.failedOnceMore(now());
    tries++;
    // Meta may have the message: when its status webhooks name the notification, wait for one in
    // the next delay tier (it marks the entry SENT and the tier's redelivery skips it) instead of
    // resending at once.
    boolean hold = failed.possiblySent() && deps.policy().statusesNameNotification();
    if (!hold && tries < hop.inProcessAttempts()) {
      deps.sleeper().sleep(deps.policy().backoff().pauseBefore(tries));
      return false;
    }
    Optional<HopPolicy> next = deps.topology().after(hop);
    if (next.isEmpty()) {
      return deadLetter(failed);
    }
    moveTo(next.get(), failed);
    return true;
  }

  private boolean backOff(SendOutcome.Failed failed, Instant sentAt) throws InterruptedException {
    state = state.throttled(now());
    Integer code = failed.error().code();
    if (code != null && deps.policy().recipientCodes().contains(code)) {
      deps.metrics().throttled("recipient");
      deps.pacer().throttled(notification.getRecipient(), deps.policy().recipientPenalty());
    } else {
      deps.metrics().throttled("channel");
      deps.rate().throttled(sentAt);
    }
    if (++throttles <= deps.policy().maxThrottleWaits()) {
      return false;
    }
    Optional<HopPolicy> tier = deps.topology().throttleTier(hop);
    if (tier.isEmpty()) {
      throttles = 0;
      return false;
    }
    moveTo(tier.get(), failed);
    return true;
  }

  private boolean refresh(SendOutcome.Failed failed, SendAttempt.Result result) {
    if (!refreshed) {
      refreshed = true;
      deps.credentials().refresh(result.used());
      return false;
    }
    refreshed = false;
    return pauseChannel(OpenReason.CREDENTIALS, failed);
  }

  private boolean pauseChannel(OpenReason reason, SendOutcome.Failed failed) {
    if (!deps.circuit().isOpen()) {
      deps.metrics().channelPaused(reason.name());
    }
    deps.circuit().open(reason, failed.error());
    return false;
  }

  private void moveTo(HopPolicy tier, SendOutcome.Failed failed) throws InterruptedException {
    String id = notification.getNotificationId();
    String reason = Hops.reason(failed);
    if (ledger.call("retrying", () -> deps.ledger().retrying(id, owner, reason, now()))) {
      hops.toTier(tier, state, failed);
    } else {
      standBack("retrying");
    }
  }

  private boolean deadLetter(SendOutcome.Failed failed) throws InterruptedException {
    String id = notification.getNotificationId();
    String reason = Hops.reason(failed);
    if (ledger.call("failed", () -> deps.ledger().failed(id, owner, reason, now()))) {
      hops.toDeadLetter(failed, state);
    } else {
      standBack("failed");
    }
    return true;
  }

  /**
   * The lease went to another run (ours expired during a long wait and the record was redelivered
   * elsewhere) or the notification was sent meanwhile: that run decides, so this one forwards
   * nothing, or the notification would exist twice in the tiers.
   */
  private void standBack(String at) {
    deps.metrics().leaseLost(at);
    LOGGER.warn(
        "lease no longer ours at {}, leaving the notification to its owner notificationId={}",
        at,
        notification.getNotificationId());
  }

  /** Claims (or renews) the ledger lease; false when the notification is already sent. */
  private boolean claim() throws InterruptedException {
    while (true) {
      String id = notification.getNotificationId();
      Claim claim = ledger.call("claim", () -> deps.ledger().claim(id, owner, leaseFrom = now()));
      switch (claim) {
        case Claim.Granted granted -> {
          earlierSendPossible = state.possiblySent() || granted.takeover();
          if (state.possiblySent()) {
            deps.metrics().possibleDuplicate();
            LOGGER.warn(
                "sending again a notification an earlier attempt may have delivered (no status"
                    + " confirmed it): possible duplicate notificationId={}",
                notification.getNotificationId());
          }
          if (granted.takeover()) {
            deps.metrics().takeover();
            LOGGER.warn(
                "taking over an expired SENDING lease, the earlier send may have reached the"
                    + " platform: possible duplicate notificationId={}",
                notification.getNotificationId());
          }
          return true;
        }
        case Claim.AlreadySent sent -> {
          deps.metrics().ledgerHit();
          LOGGER.info(
              "already sent, skipping notificationId={} messageId={}",
              notification.getNotificationId(),
              sent.platformMessageId());
          return false;
        }
        case Claim.HeldElsewhere held -> {
          Duration left = Duration.between(now(), held.leaseUntil());
          deps.sleeper().sleep(left.isNegative() ? Duration.ofMillis(100) : left);
        }
      }
    }
  }

  private void releaseQuietly() {
    try {
      deps.ledger().retrying(notification.getNotificationId(), owner, "abandoned", now());
    } catch (RuntimeException e) {
      LOGGER.debug("could not release lease notificationId={}", notification.getNotificationId());
    }
  }

  private Instant now() {
    return deps.clock().instant();
  }
}
