package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.header.Header;

/**
 * Decides, one dead letter at a time, whether replaying it is safe, in the order an operator would
 * ask: is it replayable at all (a rejection or a compact dead letter never is), was it replayed
 * already, where would it go, may it go there, can it be read, and does the buyer already have it.
 *
 * @param to the target every record goes to ({@code --to}), or null for each one's original topic
 * @param existingTopics the topics that exist, to refuse a target that does not
 */
record ReplayGate(
    String to,
    boolean force,
    boolean raw,
    Set<String> pipelineTopics,
    Set<String> existingTopics,
    LedgerCheck ledger) {

  Verdict judge(DeadLetter letter, Set<String> replayed) {
    if (letter.kind() == SourceKind.REJECTED) {
      return new Verdict.Refused(
          "a rejection is read-only: its order must be fixed and resubmitted by the vendor");
    }
    var compact = CompactLetter.of(letter.record());
    if (compact.isPresent()) {
      return new Verdict.Refused(
          "a compact dead letter (dlq.compact) cannot be replayed, not even with --force or --raw:"
              + " "
              + compact.get().describe()
              + "; find the original by its dlq.original.* coordinates and hash");
    }
    if (replayed.contains(letter.at().toString())) {
      return new Verdict.AlreadyReplayed();
    }
    String target = to != null ? to : originalTopic(letter);
    if (target == null) {
      return new Verdict.Refused("it names no original topic; choose one with --to");
    }
    if (!pipelineTopics.contains(target) && !force) {
      return new Verdict.Refused(target + " is not a pipeline topic; --force replays there anyway");
    }
    if (!existingTopics.contains(target)) {
      return new Verdict.Refused("target topic " + target + " does not exist");
    }
    if (!letter.value().decodable() && !raw) {
      return new Verdict.Refused(
          "its value cannot be decoded ("
              + letter.value().label()
              + "); --raw sends the bytes"
              + " as they are");
    }
    String notificationId = notificationId(letter);
    if (notificationId != null && ledger.sent(notificationId)) {
      return new Verdict.AlreadySent(notificationId);
    }
    if (possiblySent(letter) && !force) {
      return new Verdict.Refused(
          "it may have reached the buyer already ("
              + HeaderNames.DLQ_POSSIBLY_SENT
              + ": no answer, or accepted without a message id); --force replays it anyway");
    }
    return new Verdict.Replay(target);
  }

  /** The sender stamped it: an attempt may have reached Meta, so a replay may duplicate it. */
  static boolean possiblySent(DeadLetter letter) {
    if (letter.record() == null) {
      return false;
    }
    Header header = letter.record().headers().lastHeader(HeaderNames.DLQ_POSSIBLY_SENT);
    return header != null
        && header.value() != null
        && "true".equals(new String(header.value(), StandardCharsets.UTF_8));
  }

  /** Unroutable orders go back to the router's input, to be routed again. */
  static String originalTopic(DeadLetter letter) {
    if (letter.originalTopic() != null) {
      return letter.originalTopic();
    }
    return letter.kind() == SourceKind.UNROUTABLE ? TopicNames.ORDERS_CREATED : null;
  }

  /** The ledger key: the value's own, else orderId + ":" + platform, as the router writes it. */
  static String notificationId(DeadLetter letter) {
    String own = letter.value().field("notificationId");
    if (own != null) {
      return own;
    }
    boolean notification = letter.kind() == SourceKind.SENDER;
    return notification && letter.orderId() != null && letter.platform() != null
        ? letter.orderId() + ":" + letter.platform()
        : null;
  }
}
