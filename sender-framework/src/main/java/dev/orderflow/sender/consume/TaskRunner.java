package dev.orderflow.sender.consume;

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
  private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final RecordHandler handler;
  private final BlockingQueue<Task> done;

  TaskRunner(RecordHandler handler, BlockingQueue<Task> done) {
    this.handler = handler;
    this.done = done;
  }

  void start(Task task) {
    task.thread =
        Thread.ofVirtual()
            .name("handler-" + task.record.topic() + "-" + task.record.partition())
            .start(() -> run(task));
  }

  private void run(Task task) {
    try {
      Duration pause = FIRST_PAUSE;
      while (!task.finished) {
        try {
          handler.handle(task.record);
          task.finished = true;
        } catch (RuntimeException e) {
          LOGGER.error(
              "handler failed unexpectedly, retrying topic={} partition={} offset={} in={}",
              task.record.topic(),
              task.record.partition(),
              task.record.offset(),
              pause,
              e);
          Thread.sleep(pause);
          pause =
              pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
      }
    } catch (InterruptedException e) {
      LOGGER.debug("abandoned offset={}", task.record.offset());
    } finally {
      done.add(task);
    }
  }
}
