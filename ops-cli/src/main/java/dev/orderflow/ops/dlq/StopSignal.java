package dev.orderflow.ops.dlq;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into a polite stop: the replay aborts its open transaction and
 * writes its audit record before the JVM exits, instead of leaving the broker to time it out.
 */
final class StopSignal implements AutoCloseable {
  private static final long GRACE_SECONDS = 15;

  private final Thread worker = Thread.currentThread();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stop, "ops-dlq-stop");
  private volatile boolean requested;

  static StopSignal onShutdown() {
    StopSignal signal = new StopSignal();
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  boolean requested() {
    return requested;
  }

  private void stop() {
    requested = true;
    worker.interrupt();
    try {
      done.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running and waits for the countdown above.
    }
  }
}
