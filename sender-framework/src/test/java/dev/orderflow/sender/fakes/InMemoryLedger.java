package dev.orderflow.sender.fakes;

import dev.orderflow.schema.DeliveryState;
import dev.orderflow.sender.ledger.Claim;
import dev.orderflow.sender.ledger.DeliveryLedger;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.ledger.StatusResult;
import dev.orderflow.sender.ledger.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger's rules over a map, for tests without DynamoDB. */
public final class InMemoryLedger implements DeliveryLedger {
  public record Entry(String state, String owner, Instant leaseUntil, String messageId) {}

  private static final List<DeliveryState> PROGRESS =
      List.of(DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.READ);

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, DeliveryState> statuses = new ConcurrentHashMap<>();
  private final Map<String, RecordCoordinates> sources = new ConcurrentHashMap<>();
  private final Map<String, String> deliveryFailures = new ConcurrentHashMap<>();
  private final Map<String, String> messageIndex = new ConcurrentHashMap<>();
  private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger failures =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The next {@code n} calls fail as if DynamoDB were unreachable. */
  public void failNext(int n) {
    failures.set(n);
  }

  private volatile Runnable beforeSent = () -> {};

  /** Runs {@code hook} at the start of every {@link #sent} call, e.g. to interrupt the caller. */
  public void beforeSent(Runnable hook) {
    beforeSent = hook;
  }

  private void maybeFail() {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw software.amazon.awssdk.core.exception.SdkClientException.create("Connection refused");
    }
  }

  private final Duration lease;
  private int renewals;

  public InMemoryLedger(Duration lease) {
    this.lease = lease;
  }

  @Override
  public synchronized Claim claim(String id, String owner, Instant now) {
    maybeFail();
    Entry e = entries.get(id);
    if (e != null && e.state().equals("SENT")) {
      return new Claim.AlreadySent(e.messageId());
    }
    boolean sending = e != null && e.state().equals("SENDING");
    if (sending && !e.owner().equals(owner) && e.leaseUntil().isAfter(now)) {
      return new Claim.HeldElsewhere(e.leaseUntil());
    }
    entries.put(id, new Entry("SENDING", owner, now.plus(lease), null));
    return new Claim.Granted(sending && !e.owner().equals(owner));
  }

  @Override
  public synchronized boolean sent(
      String id, String messageId, RecordCoordinates source, Instant now) {
    beforeSent.run();
    maybeFail();
    Entry e = entries.get(id);
    if (e != null && e.state().equals("SENT")) {
      return false;
    }
    entries.put(id, new Entry("SENT", null, null, messageId));
    sources.put(id, source);
    sentAt.put(id, now);
    return true;
  }

  @Override
  public synchronized StatusResult applyStatus(String id, StatusUpdate update, Instant now) {
    maybeFail();
    Entry e = entries.get(id);
    if (e == null) {
      return new StatusResult.Unknown();
    }
    if (update.state() == DeliveryState.FAILED) {
      if (deliveryFailures.putIfAbsent(id, String.valueOf(update.error())) != null) {
        return new StatusResult.Stale();
      }
      entries.put(id, new Entry("FAILED", null, null, e.messageId()));
      return new StatusResult.Failed(sources.get(id));
    }
    DeliveryState before = statuses.get(id);
    if (before != null && PROGRESS.indexOf(before) >= PROGRESS.indexOf(update.state())) {
      return new StatusResult.Stale();
    }
    statuses.put(id, update.state());
    if (e.state().equals("SENT")
        || e.state().equals("FAILED") && deliveryFailures.containsKey(id)) {
      return new StatusResult.Applied(sentAt.get(id));
    }
    entries.put(id, new Entry("SENT", null, null, update.messageId()));
    return new StatusResult.ConfirmedSent();
  }

  @Override
  public void indexMessage(String messageId, String notificationId, Instant now) {
    messageIndex.put(messageId, notificationId);
  }

  @Override
  public Optional<String> notificationOf(String messageId) {
    return Optional.ofNullable(messageIndex.get(messageId));
  }

  /** The latest progress status applied to the entry (SENT, DELIVERED, READ), if any. */
  public DeliveryState status(String id) {
    return statuses.get(id);
  }

  @Override
  public synchronized boolean renew(String id, String owner, Instant now) {
    renewals++;
    maybeFail();
    if (!ownedBy(id, owner)) {
      return false;
    }
    entries.put(id, new Entry("SENDING", owner, now.plus(lease), null));
    return true;
  }

  @Override
  public synchronized boolean retrying(String id, String owner, String reason, Instant now) {
    return settle(id, owner, "RETRYING");
  }

  @Override
  public synchronized boolean failed(String id, String owner, String reason, Instant now) {
    return settle(id, owner, "FAILED");
  }

  /** Renewals asked for, successful or not. */
  public synchronized int renewals() {
    return renewals;
  }

  public Entry entry(String id) {
    return entries.get(id);
  }

  public void put(String id, Entry entry) {
    entries.put(id, entry);
  }

  private boolean settle(String id, String owner, String state) {
    maybeFail();
    if (!ownedBy(id, owner)) {
      return false;
    }
    entries.put(id, new Entry(state, null, null, null));
    return true;
  }

  private boolean ownedBy(String id, String owner) {
    Entry e = entries.get(id);
    return e != null && e.state().equals("SENDING") && owner.equals(e.owner());
  }
}
