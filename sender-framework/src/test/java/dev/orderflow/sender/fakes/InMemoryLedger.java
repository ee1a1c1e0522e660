package dev.orderflow.sender.fakes;

import dev.orderflow.sender.ledger.Claim;
import dev.orderflow.sender.ledger.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger's rules over a map, for tests without DynamoDB. */
public final class InMemoryLedger implements DeliveryLedger {
  public record Entry(String state, String owner, Instant leaseUntil, String messageId) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
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
  public synchronized boolean sent(String id, String messageId, Instant now) {
    beforeSent.run();
    maybeFail();
    Entry e = entries.get(id);
    if (e != null && e.state().equals("SENT")) {
      return false;
    }
    entries.put(id, new Entry("SENT", null, null, messageId));
    return true;
  }

  @Override
  public synchronized boolean renew(String id, String owner, Instant now) {
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
