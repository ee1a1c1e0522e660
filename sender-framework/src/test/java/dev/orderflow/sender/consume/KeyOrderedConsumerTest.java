package dev.orderflow.sender.consume;

import static dev.orderflow.sender.consume.LoopFixture.P0;
import static dev.orderflow.sender.consume.LoopFixture.P1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KeyOrderedConsumerTest {
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

  @Test
  void recordsOfOneKeyNeverOvertakeEachOther() throws Exception {
    // Given a handler that takes longer for early records, so reordering would show
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    RecordHandler handler =
        record -> {
          int n = Integer.parseInt(LoopFixture.value(record));
          Thread.sleep(n % 3 == 0 ? 3 : 0);
          seen.computeIfAbsent(
                  LoopFixture.key(record), k -> Collections.synchronizedList(new ArrayList<>()))
              .add(n);
        };
    try (LoopFixture fixture =
        new LoopFixture(handler, LoopFixture.config(50), LoopHooks.none(), clock)) {
      // When 20 keys each get 30 records spread over two partitions by key
      for (int n = 0; n < 30; n++) {
        for (int k = 0; k < 20; k++) {
          fixture.send(k % 2 == 0 ? P0 : P1, "buyer-" + k, Integer.toString(n));
        }
      }

      // Then every key saw its records in the order they were written
      await().atMost(Duration.ofSeconds(10)).until(() -> total(seen) == 600);
      seen.values().forEach(list -> assertThat(list).isSorted().hasSize(30));
    }
  }

  @Test
  void inFlightReachesButNeverExceedsTheBound() throws Exception {
    // Given a handler that blocks until released
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    RecordHandler handler =
        record -> {
          peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
          release.await();
          concurrent.decrementAndGet();
        };
    try (LoopFixture fixture =
        new LoopFixture(handler, LoopFixture.config(120), LoopHooks.none(), clock)) {
      // When 300 distinct keys arrive
      for (int k = 0; k < 300; k++) {
        fixture.send(k % 2 == 0 ? P0 : P1, "buyer-" + k, "x");
      }

      // Then exactly the bound runs at once
      await().atMost(Duration.ofSeconds(10)).until(() -> fixture.loop.inFlight() == 120);
      // A started task reaches the handler on its own virtual thread, a moment later.
      await().atMost(Duration.ofSeconds(10)).until(() -> concurrent.get() == 120);
      assertThat(peak.get()).isEqualTo(120);
      release.countDown();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  fixture.consumer.committedOffset(P0) != null
                      && fixture.consumer.committedOffset(P0) == 150L);
      assertThat(peak.get()).isEqualTo(120);
    }
  }

  @Test
  void commitsStopAtTheLowestUnfinishedOffset() throws Exception {
    // Given offset 2 of partition 0 blocks until released
    CountDownLatch release = new CountDownLatch(1);
    Set<Long> finished = ConcurrentHashMap.newKeySet();
    RecordHandler handler =
        record -> {
          if (record.partition() == 0 && record.offset() == 2) {
            release.await();
          }
          finished.add(record.offset());
        };
    try (LoopFixture fixture =
        new LoopFixture(handler, LoopFixture.config(10), LoopHooks.none(), clock)) {
      for (int n = 0; n < 6; n++) {
        fixture.send(P0, "buyer-" + n, "x");
      }

      // When the others finish
      await().atMost(Duration.ofSeconds(5)).until(() -> finished.size() == 5);
      await()
          .during(Duration.ofMillis(200))
          .atMost(Duration.ofSeconds(2))
          .until(() -> Long.valueOf(2).equals(fixture.consumer.committedOffset(P0)));

      // Then the commit covers only 0 and 1; after offset 2 finishes, all six
      release.countDown();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Long.valueOf(6).equals(fixture.consumer.committedOffset(P0)));
    }
  }

  @Test
  void aRecordNotYetDueHoldsBackOnlyItsPartition() throws Exception {
    // Given records on partition 0 due in 30 s and records on partition 1 due now
    Instant due = clock.instant().plusSeconds(30);
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    DueGate gate = r -> r.partition() == 0 ? Optional.of(due) : Optional.empty();
    LoopHooks hooks = new LoopHooks(gate, ConsumptionGate.ALWAYS_OPEN, AssignmentListener.NONE);
    try (LoopFixture fixture =
        new LoopFixture(
            r -> handled.add(LoopFixture.value(r)), LoopFixture.config(10), hooks, clock)) {
      // (one key on partition 0: only records of one key are ordered, so only they may be asserted
      // in order)
      fixture.send(P0, "a", "late-1");
      fixture.send(P0, "a", "late-2");
      fixture.send(P1, "c", "now");

      // When the loop has seen them
      await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("now"));
      await().atMost(Duration.ofSeconds(5)).until(() -> fixture.consumer.paused().contains(P0));

      // Then partition 0 waits, paused, until its due time, and then both run in order
      assertThat(handled).containsExactly("now");
      clock.advance(Duration.ofSeconds(31));
      await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 3);
      assertThat(handled).containsExactly("now", "late-1", "late-2");
      assertThat(fixture.consumer.paused()).doesNotContain(P0);
    }
  }

  @Test
  void aClosedGatePausesEveryPartitionAndStartsNothingNew() throws Exception {
    AtomicBoolean open = new AtomicBoolean(false);
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    LoopHooks hooks = new LoopHooks(DueGate.ALWAYS_DUE, open::get, AssignmentListener.NONE);
    try (LoopFixture fixture =
        new LoopFixture(
            r -> handled.add(LoopFixture.value(r)), LoopFixture.config(10), hooks, clock)) {
      // Given a closed gate
      fixture.send(P0, "a", "1");
      fixture.send(P1, "b", "2");

      // When records arrive, then none starts and both partitions pause
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> fixture.consumer.paused().containsAll(List.of(P0, P1)));
      assertThat(handled).isEmpty();

      // And when it opens, they run
      open.set(true);
      await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 2);
      await().atMost(Duration.ofSeconds(5)).until(() -> fixture.consumer.paused().isEmpty());
    }
  }

  @Test
  void revokedPartitionsFinishTheirInFlightRecordsAndCommitThem() throws Exception {
    // Given a slow record in flight on partition 1
    CountDownLatch started = new CountDownLatch(1);
    List<Set<TopicPartition>> assignments = Collections.synchronizedList(new ArrayList<>());
    RecordHandler handler =
        record -> {
          if (record.partition() == 1) {
            started.countDown();
            Thread.sleep(300);
          }
        };
    LoopHooks hooks =
        new LoopHooks(DueGate.ALWAYS_DUE, ConsumptionGate.ALWAYS_OPEN, assignments::add);
    try (LoopFixture fixture = new LoopFixture(handler, LoopFixture.config(10), hooks, clock)) {
      fixture.send(P1, "a", "slow");
      started.await();

      // When partition 1 is revoked
      fixture.consumer.schedulePollTask(() -> fixture.consumer.rebalance(List.of(P0)));

      // Then the revocation waited for the record and committed past it
      await().atMost(Duration.ofSeconds(5)).until(() -> assignments.contains(Set.of(P0)));
      assertThat(fixture.consumer.committedOffset(P1)).isEqualTo(1L);
    }
  }

  @Test
  void shutdownCommitsFinishedWorkAndAbandonsWhatOutlivesTheDeadline() throws Exception {
    // Given offset 1 never finishes by itself
    AtomicBoolean interrupted = new AtomicBoolean();
    RecordHandler handler =
        record -> {
          if (record.offset() == 1) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              interrupted.set(true);
              throw e;
            }
          }
        };
    ConsumerLoopConfig config =
        new ConsumerLoopConfig(
            10, 100, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(300));
    LoopFixture fixture = new LoopFixture(handler, config, LoopHooks.none(), clock);
    fixture.send(P0, "a", "0");
    fixture.send(P0, "b", "1");
    fixture.send(P0, "c", "2");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fixture.loop.inFlight() == 1 && fixture.loop.buffered() == 1);

    // When it shuts down
    fixture.close();

    // Then offset 0 is committed, offset 1 (abandoned) is not, and the handler was interrupted
    assertThat(fixture.loop.awaitStopped(Duration.ofSeconds(1))).isTrue();
    assertThat(fixture.consumer.committedOffset(P0)).isEqualTo(1L);
    await().atMost(Duration.ofSeconds(2)).untilTrue(interrupted);
  }

  @Test
  void aHandlerThatThrowsIsRetriedNotCommittedUnprocessed() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RecordHandler handler =
        record -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("boom");
          }
        };
    try (LoopFixture fixture =
        new LoopFixture(handler, LoopFixture.config(5), LoopHooks.none(), clock)) {
      fixture.send(P0, "a", "x");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Long.valueOf(1).equals(fixture.consumer.committedOffset(P0)));
      assertThat(calls).hasValue(2);
    }
  }

  private static int total(Map<String, List<Integer>> seen) {
    return seen.values().stream().mapToInt(List::size).sum();
  }

  @SuppressWarnings("unused")
  private static String describe(ConsumerRecord<byte[], byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
