package dev.orderflow.sender.consume;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the handler for one task on a virtual thread and reports the task back to the loop. A
 * handler that throws is a bug or an unexpected outage: the record is retried after a growing pause
 * rather than committed unprocessed or left to block the partition's commits silently.
 */
final class TaskRunner {
  private static final Logger LOGGER = LoggerFactory.getLogger(TaskRunner.class);

  /**
   * From 500 ms up to 30 s; half jittered, because the handlers of many keys tend to fail together
   * (one outage) and should not all try again in the same instant.
   */
  static final Backoff BACKOFF =
      Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(30)).withJitter(0.5);

  private final RecordHandler handler;
  private final BlockingQueue<Task> done;
  private final Backoff backoff;
  private final Sleeper sleeper;

  TaskRunner(RecordHandler handler, BlockingQueue<Task> done) {
    this(handler, done, BACKOFF, Sleeper.REAL);
  }

  TaskRunner(RecordHandler handler, BlockingQueue<Task> done, Backoff backoff, Sleeper sleeper) {
    this.handler = handler;
    this.done = done;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  void start(Task task) {
    task.thread =
        Thread.ofVirtual()
            .name("handler-" + task.record.topic() + "-" + task.record.partition())
            .start(() -> run(task));
  }

  private void run(Task task) {
    try {
      for (int retry = 1; !task.finished; retry++) {
        try {
          handler.handle(task.record);
          task.finished = true;
        } catch (RuntimeException e) {
          Duration pause = backoff.pauseBefore(retry);
          LOGGER.error(
              "handler failed unexpectedly, retrying topic={} partition={} offset={} in={}",
              task.record.topic(),
              task.record.partition(),
              task.record.offset(),
              pause,
              e);
          sleeper.sleep(pause);
        }
      }
    } catch (InterruptedException e) {
      LOGGER.debug("abandoned offset={}", task.record.offset());
    } finally {
      done.add(task);
    }
  }
}
