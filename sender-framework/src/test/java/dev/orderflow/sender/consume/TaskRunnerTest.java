package dev.orderflow.sender.consume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  private final BlockingQueue<Task> done = new LinkedBlockingQueue<>();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();
  private final Sleeper recording = pauses::add;

  @Test
  void aHandlerThatThrowsIsRetriedAfterGrowingJitteredPausesUntilItSucceeds() throws Exception {
    // Given a handler that fails three times
    AtomicInteger calls = new AtomicInteger();
    RecordHandler flaky =
        record -> {
          if (calls.incrementAndGet() <= 3) {
            throw new IllegalStateException("bug " + calls.get());
          }
        };
    TaskRunner runner = new TaskRunner(flaky, done, TaskRunner.BACKOFF, recording);
    Task task = new Task(new ConsumerRecord<>("t", 0, 7L, new byte[0], new byte[0]), null);

    // When
    runner.start(task);

    // Then it is reported back once, finished, after three pauses within the half-jittered bounds
    assertThat(done.poll(10, TimeUnit.SECONDS)).isSameAs(task);
    assertThat(task.finished).isTrue();
    assertThat(calls).hasValue(4);
    assertThat(pauses).hasSize(3);
    for (int retry = 1; retry <= 3; retry++) {
      Duration bound = TaskRunner.BACKOFF.bound(retry);
      assertThat(pauses.get(retry - 1))
          .isGreaterThanOrEqualTo(bound.dividedBy(2))
          .isLessThanOrEqualTo(bound);
    }
    assertThat(TaskRunner.BACKOFF.bound(1)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void anInterruptDuringThePauseAbandonsTheTaskUnfinished() throws Exception {
    RecordHandler failing =
        record -> {
          throw new IllegalStateException("always");
        };
    Sleeper interrupted =
        duration -> {
          throw new InterruptedException("revoked");
        };
    TaskRunner runner =
        new TaskRunner(
            failing,
            done,
            Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(1)),
            interrupted);
    Task task = new Task(new ConsumerRecord<>("t", 0, 8L, new byte[0], new byte[0]), null);

    runner.start(task);

    assertThat(done.poll(10, TimeUnit.SECONDS)).isSameAs(task);
    assertThat(task.finished).isFalse();
  }
}
