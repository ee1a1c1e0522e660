package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayGateTest {
  private static final Set<String> PIPELINE = Set.of("notify.whatsapp.v1", "orders.created.v1");
  private static final Set<String> EXISTING =
      Set.of("notify.whatsapp.v1", "orders.created.v1", "scratch");

  private final Letters letters = new Letters();
  private final DeadLetter failure = letters.read(letters.failure("v-1:A-1", "RETRY", "2"), 5);

  @Test
  void aDecodableRecordGoesBackToItsOriginalTopic() {
    assertThat(gate(null, false, false, id -> false).judge(failure, Set.of()))
        .isEqualTo(new Verdict.Replay("notify.whatsapp.v1"));
  }

  @Test
  void aRecordAlreadyReplayedIsSkipped() {
    assertThat(
            gate(null, false, false, id -> false)
                .judge(failure, Set.of("notify.whatsapp.dlq.v1:0:5")))
        .isEqualTo(new Verdict.AlreadyReplayed());
  }

  @Test
  void aRecordTheLedgerHasAsSentIsSkippedByItsNotificationId() {
    assertThat(gate(null, false, false, "v-1:A-1:whatsapp"::equals).judge(failure, Set.of()))
        .isEqualTo(new Verdict.AlreadySent("v-1:A-1:whatsapp"));
  }

  @Test
  void aTargetOutsideThePipelineNeedsForce() {
    assertThat(gate("scratch", false, false, id -> false).judge(failure, Set.of()))
        .isInstanceOf(Verdict.Refused.class)
        .hasToString(
            "Refused[reason=scratch is not a pipeline topic; --force replays there" + " anyway]");
    assertThat(gate("scratch", true, false, id -> false).judge(failure, Set.of()))
        .isEqualTo(new Verdict.Replay("scratch"));
  }

  @Test
  void aPossiblySentRecordNeedsForce() {
    DeadLetter possiblySent =
        letters.read(
            letters.failure("v-1:A-3", "RETRY", "2").header(HeaderNames.DLQ_POSSIBLY_SENT, "true"),
            6);

    assertThat(gate(null, false, false, id -> false).judge(possiblySent, Set.of()))
        .isInstanceOfSatisfying(
            Verdict.Refused.class,
            refused ->
                assertThat(refused.reason())
                    .startsWith("it may have reached the buyer already (dlq.possibly-sent")
                    .endsWith("--force replays it anyway"));
    assertThat(gate(null, true, false, id -> false).judge(possiblySent, Set.of()))
        .isEqualTo(new Verdict.Replay("notify.whatsapp.v1"));
  }

  @Test
  void aTargetThatDoesNotExistIsRefusedEvenWithForce() {
    assertThat(gate("gone", true, false, id -> false).judge(failure, Set.of()))
        .isEqualTo(new Verdict.Refused("target topic gone does not exist"));
  }

  @Test
  void anUndecodableValueNeedsRaw() {
    DeadLetter garbage =
        letters.read(letters.failure("v-1:A-2", "PERMANENT", "1").value("x".getBytes(UTF_8)), 0);
    assertThat(gate(null, false, false, id -> false).judge(garbage, Set.of()))
        .isInstanceOf(Verdict.Refused.class);
    assertThat(gate(null, false, true, id -> false).judge(garbage, Set.of()))
        .isEqualTo(new Verdict.Replay("notify.whatsapp.v1"));
  }

  @Test
  void aRecordThatNamesNoOriginalTopicNeedsTo() {
    DeadLetter anonymous =
        letters.read(Parked.in("elsewhere").key("k").value("{}".getBytes(UTF_8)), 0);
    assertThat(gate(null, false, false, id -> false).judge(anonymous, Set.of()))
        .isEqualTo(new Verdict.Refused("it names no original topic; choose one with --to"));
  }

  @Test
  void aRejectionIsNeverReplayed() {
    DeadLetter rejection =
        letters.read(
            Parked.in("orders.rejected.v1")
                .value("{\"kind\":\"INVALID\"}".getBytes(UTF_8))
                .header(HeaderNames.REJECT_REASON, "NO_ITEMS"),
            0);
    assertThat(gate("orders.created.v1", true, true, id -> false).judge(rejection, Set.of()))
        .isInstanceOf(Verdict.Refused.class);
  }

  @Test
  void aCompactDeadLetterIsNeverReplayedNotEvenWithForceAndRaw() {
    DeadLetter compact =
        letters.read(
            letters
                .failure("v-1:A-4", "RETRY", "2")
                .value(new byte[] {0, 0, 0, 0, 1, 2})
                .header(HeaderNames.DLQ_COMPACT, "true")
                .header(HeaderNames.DLQ_ORIGINAL_SIZE, "20000")
                .header(HeaderNames.DLQ_ORIGINAL_SHA256, "ab12"),
            7);

    Verdict verdict = gate(null, true, true, id -> false).judge(compact, Set.of());

    assertThat(verdict)
        .isInstanceOfSatisfying(
            Verdict.Refused.class,
            refused ->
                assertThat(refused.reason())
                    .startsWith("a compact dead letter (dlq.compact) cannot be replayed")
                    .contains("20000 bytes, sha256 ab12"));
  }

  private static ReplayGate gate(String to, boolean force, boolean raw, LedgerCheck ledger) {
    return new ReplayGate(to, force, raw, PIPELINE, EXISTING, ledger);
  }
}
