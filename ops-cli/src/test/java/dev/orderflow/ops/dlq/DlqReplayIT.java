package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ops dlq replay} against real Kafka, the real registry and dynalite. */
@RealStack
class DlqReplayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ReplayFixture.Shared shared;

  @BeforeAll
  static void shareLedgerAndSchema(TestStack stack) throws Exception {
    shared = ReplayFixture.Shared.create(stack);
  }

  @Test
  void aDryRunShowsWhatWouldBeSentAndChangesNothing(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(2);

    // When
    Cli.Run run = world.replay("--dry-run");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("would replay " + world.deadLetters + ":0:0 -> " + world.target)
        .contains("would replay " + world.deadLetters + ":0:1 -> " + world.target)
        .contains("correlation-id=corr-" + world.tag + ":o-1, replay.count=1")
        .contains("avro NotificationRequested")
        .contains("dry run, nothing sent: 2 matched: 2 would replay");
    assertThat(run.out()).doesNotContain("dlq.error");
    assertThat(world.delivered()).isEmpty();
    assertThat(stack.admin().listTopics().names().get(10, TimeUnit.SECONDS))
        .doesNotContain(world.audit, world.progress);
  }

  @Test
  void replayingTheSameSelectionTwiceDeliversEachRecordOnce(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(3);

    // When
    Cli.Run first = world.replay();
    Cli.Run second = world.replay();

    // Then
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("3 matched: 3 replayed, 0 already replayed");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("3 matched: 0 replayed, 3 already replayed");
    assertThat(world.deliveredOrders()).containsExactly("o-1", "o-2", "o-3");
  }

  @Test
  void aReplayedRecordKeepsKeyValueAndCorrelationIdAndLosesItsDiagnosis(TestStack stack)
      throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(1);
    ConsumerRecord<byte[], byte[]> parked = TopicContents.of(stack, world.deadLetters).getFirst();

    // When
    Cli.Run run = world.replay();

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    ConsumerRecord<byte[], byte[]> replayed = world.delivered().getFirst();
    assertThat(replayed.key()).isEqualTo(parked.key());
    assertThat(replayed.value()).isEqualTo(parked.value());
    assertThat(headerNames(replayed)).containsExactly("correlation-id", "replay.count");
    assertThat(new String(replayed.headers().lastHeader(HeaderNames.CORRELATION_ID).value(), UTF_8))
        .isEqualTo("corr-" + world.tag + ":o-1");
    assertThat(new String(replayed.headers().lastHeader(HeaderNames.REPLAY_COUNT).value(), UTF_8))
        .isEqualTo("1");
  }

  @Test
  void aReplayStoppedAtMaxResumesWithoutDuplicates(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(5);

    // When
    Cli.Run partial = world.replay("--max", "2");
    List<String> afterFirst = world.deliveredOrders();
    Cli.Run rest = world.replay();

    // Then
    assertThat(partial.exitCode()).as(partial.toString()).isZero();
    assertThat(partial.out()).contains("2 replayed").contains("stopped at --max");
    assertThat(afterFirst).containsExactly("o-1", "o-2");
    assertThat(rest.out()).contains("3 replayed, 2 already replayed");
    assertThat(world.deliveredOrders()).containsExactly("o-1", "o-2", "o-3", "o-4", "o-5");
  }

  @Test
  void aReplayInterruptedMidTransactionResumesWithoutDuplicates(TestStack stack) throws Exception {
    // Given: one transaction per 1 s at 5 records/s, so the interrupt leaves one open
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(20);
    Thread[] worker = new Thread[1];
    CompletableFuture<Cli.Run> interrupted =
        CompletableFuture.supplyAsync(
            () -> {
              worker[0] = Thread.currentThread();
              return world.replay("--rate", "5", "--batch", "1000");
            });

    // When
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInSameThread()
        .until(() -> world.delivered().size() >= 2);
    worker[0].interrupt();
    Cli.Run first = interrupted.get(30, TimeUnit.SECONDS);
    List<String> committed = world.deliveredOrders();
    Cli.Run resumed = world.replay();

    // Then
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    assertThat(first.out()).as(first.toString()).contains("interrupted");
    assertThat(committed).hasSizeBetween(2, 19);
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.out()).contains((20 - committed.size()) + " replayed");
    assertThat(world.deliveredOrders())
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "o-" + i).toList());
  }

  @Test
  void recordsTheLedgerHasAsSentAreSkippedAndReported(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(3);
    world.markSent("o-2");

    // When
    Cli.Run run = world.replay();

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "skipped "
                + world.deadLetters
                + ":0:1: already sent: the ledger has "
                + world.notificationId("o-2")
                + " as SENT")
        .contains("3 matched: 2 replayed, 0 already replayed, 1 already sent");
    assertThat(world.deliveredOrders()).containsExactly("o-1", "o-3");
  }

  @Test
  void aTargetOutsideThePipelineIsRefusedUnlessForced(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(1);
    String elsewhere = stack.uniqueTopic("scratch");
    stack.createTopic(elsewhere, 1);

    // When
    Cli.Run refused = world.replay("--to", elsewhere);
    int beforeForce = TopicContents.of(stack, elsewhere).size();
    Cli.Run forced = world.replay("--to", elsewhere, "--force");

    // Then
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains(elsewhere + " is not a pipeline topic").contains("--force");
    assertThat(beforeForce).isZero();
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(TopicContents.of(stack, elsewhere)).hasSize(1);
  }

  @Test
  void anUndecodableRecordIsRefusedUnlessRaw(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    byte[] garbage = {0, 0, 0, 0x7f, 0x7f, 1, 2, 3};
    stack.producer().send(world.notification("o-1").value(garbage).record()).get();
    world.park(1);

    // When
    Cli.Run refused = world.replay();
    Cli.Run raw = world.replay("--raw");

    // Then
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.out())
        .contains("refused " + world.deadLetters + ":0:0: its value cannot be decoded")
        .contains("--raw")
        .contains("2 matched: 1 replayed, 0 already replayed, 0 already sent, 1 refused");
    assertThat(raw.exitCode()).as(raw.toString()).isZero();
    assertThat(raw.out()).contains("2 matched: 1 replayed, 1 already replayed");
    List<ConsumerRecord<byte[], byte[]>> delivered = world.delivered();
    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(1).value()).isEqualTo(garbage);
  }

  @Test
  void explicitRecordsReplayOnlyThoseRecords(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(4);

    // When
    Cli.Run run =
        world
            .cli()
            .run("replay", "--record", world.deadLetters + ":0:1," + world.deadLetters + "-0@3");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(world.deliveredOrders()).containsExactly("o-2", "o-4");
  }

  @Test
  void everyReplayIsAuditedWithWhoWhatWhenAndCounts(TestStack stack) throws Exception {
    // Given
    ReplayFixture world = new ReplayFixture(stack, shared);
    world.park(2);
    world.markSent("o-1");

    // When
    Cli.Run run = world.replay("--error-class", "RETRY", "--reason", "INC-42 fixed");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<JsonNode> events =
        TopicContents.of(stack, world.audit).stream().map(DlqReplayIT::json).toList();
    assertThat(events)
        .extracting(e -> e.path("event").asText())
        .containsExactly("replay-started", "replay-finished");
    JsonNode finished = events.get(1);
    assertThat(finished.path("operator").asText()).isEqualTo("ada");
    assertThat(finished.path("osUser").asText()).isEqualTo(System.getProperty("user.name"));
    assertThat(finished.path("reason").asText()).isEqualTo("INC-42 fixed");
    assertThat(finished.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(finished.path("selection").path("filters").path("errorClasses").get(0).asText())
        .isEqualTo("RETRY");
    assertThat(finished.path("selection").path("topics").get(0).asText())
        .isEqualTo(world.deadLetters);
    assertThat(finished.path("counts").path("replayed").asInt()).isEqualTo(1);
    assertThat(finished.path("counts").path("alreadySent").asInt()).isEqualTo(1);
    assertThat(finished.path("replayed").get(0).path("from").asText())
        .isEqualTo(world.deadLetters + ":0:1");
    assertThat(finished.path("replayed").get(0).path("to").asText())
        .isEqualTo(world.target + ":0:0");
    assertThat(finished.path("startedAt").asText()).isNotBlank();
    assertThat(finished.path("finishedAt").asText()).isNotBlank();
  }

  private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
    return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).toList();
  }

  private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
