package dev.orderflow.ops.dlq;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the topics and the ledger hold about one order, in the order it happened: the intake
 * outcome, the route per platform, each notification's ledger entry, Meta's status reports, dead
 * letters and the replays that moved them. Records of every topic are read as {@link DeadLetter}s
 * (the tool's one view of a record: coordinates, time, decoded value, diagnosis when parked).
 *
 * @param asked what the operator typed: an order id ({@code vendorId:vendorOrderId}) or a vendor
 *     order id
 * @param orderId the order the story is about, or null when nothing was found
 * @param intake the accepted {@code OrderCreated} record(s) and any rejections
 * @param routes the {@code NotificationRequested} records the router wrote for it
 * @param ledger the ledger entry of each notification, in route order
 * @param statuses Meta's status reports for those notifications, oldest first
 * @param deadLetters where the order's records were parked (not rejections: those are intake)
 * @param replays the replays that moved one of those dead letters
 */
record OrderStory(
    String asked,
    String orderId,
    List<DeadLetter> intake,
    List<DeadLetter> routes,
    List<LedgerEntry> ledger,
    List<DeadLetter> statuses,
    List<DeadLetter> deadLetters,
    List<Replay> replays) {

  /** One notification's ledger item, every attribute as text; empty when the ledger has none. */
  record LedgerEntry(String notificationId, Map<String, String> attributes) {
    String get(String name) {
      return attributes.get(name);
    }
  }

  /** A replay run that moved one of the order's dead letters. */
  record Replay(
      String runId, String operator, String reason, Instant finishedAt, String from, String to) {}

  boolean found() {
    return !intake.isEmpty() || !routes.isEmpty() || !deadLetters.isEmpty();
  }

  /**
   * The answer to "did my buyer get it?", one line per notification (or one for the order when it
   * never reached a sender).
   */
  List<String> verdicts() {
    if (!found()) {
      return List.of("nothing found for " + asked);
    }
    List<String> lines = new java.util.ArrayList<>();
    for (DeadLetter record : intake) {
      if (record.kind() == SourceKind.REJECTED) {
        lines.add("rejected at intake: " + describe(record));
      }
    }
    for (DeadLetter letter : deadLetters) {
      if (letter.kind() != SourceKind.SENDER) {
        lines.add("not routed: " + describe(letter));
      }
    }
    for (LedgerEntry entry : ledger) {
      lines.add(entry.notificationId() + ": " + verdict(entry));
    }
    if (lines.isEmpty()) {
      lines.add(
          intake.isEmpty()
              ? "no intake record found (outside the log?)"
              : "accepted, not routed yet");
    }
    return List.copyOf(lines);
  }

  private String verdict(LedgerEntry entry) {
    String state = entry.get("state");
    String delivery = entry.get("deliveryStatus");
    String parked = parkedNote(entry.notificationId());
    if (state == null) {
      return "routed, not sent yet (no ledger entry)" + parked;
    }
    if ("FAILED".equals(delivery) || "FAILED".equals(state)) {
      String error =
          entry.get("deliveryError") != null ? entry.get("deliveryError") : entry.get("lastError");
      return "NOT delivered" + (error == null ? "" : ": " + error) + parked;
    }
    if ("READ".equals(delivery)) {
      return "read by the buyer at " + entry.get("deliveryStatusAt") + parked;
    }
    if ("DELIVERED".equals(delivery)) {
      return "delivered at " + entry.get("deliveryStatusAt") + ", not read yet" + parked;
    }
    if ("SENT".equals(state)) {
      return "accepted by Meta at " + entry.get("sentAt") + ", no delivery report yet" + parked;
    }
    return "in progress ("
        + state
        + ", "
        + entry.get("attempts")
        + " attempt(s)"
        + (entry.get("lastError") == null ? "" : ", last error " + entry.get("lastError"))
        + ")"
        + parked;
  }

  /** The dead letters of one notification, and whether a replay moved them. */
  private String parkedNote(String notificationId) {
    StringBuilder note = new StringBuilder();
    for (DeadLetter letter : deadLetters) {
      if (letter.kind() == SourceKind.SENDER
          && notificationId.equals(letter.value().field("notificationId"))) {
        note.append("; dead letter ").append(letter.at());
        replays.stream()
            .filter(r -> r.from().equals(letter.at().toString()))
            .forEach(
                r ->
                    note.append(", replayed to ")
                        .append(r.to())
                        .append(" at ")
                        .append(r.finishedAt()));
      }
    }
    return note.toString();
  }

  private static String describe(DeadLetter letter) {
    String code = letter.code() == null ? "" : letter.code();
    String message = letter.message() == null ? "" : letter.message();
    return (code + " " + message).trim() + " (" + letter.at() + ")";
  }
}
