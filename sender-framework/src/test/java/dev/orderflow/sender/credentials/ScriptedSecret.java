package dev.orderflow.sender.credentials;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A secret store for tests: answers the values queued (or throws the failures queued), repeating
 * the last value, and can be made to hang in every read until released.
 */
final class ScriptedSecret implements CachedSecret.Reader<String> {
  private final Queue<Supplier<String>> answers = new ConcurrentLinkedQueue<>();
  private final AtomicInteger reads = new AtomicInteger();
  private volatile String last;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  ScriptedSecret(String first) {
    this.last = first;
  }

  ScriptedSecret thenAnswer(String value) {
    answers.add(() -> value);
    return this;
  }

  ScriptedSecret thenFail(String message) {
    answers.add(
        () -> {
          throw new IllegalStateException(message);
        });
    return this;
  }

  /** Every read from now on hangs until {@link #release()}. */
  void hang() {
    gate = new CountDownLatch(1);
  }

  void release() {
    gate.countDown();
  }

  int reads() {
    return reads.get();
  }

  @Override
  public String read() {
    reads.incrementAndGet();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the secret store");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Supplier<String> next = answers.poll();
    if (next == null) {
      return last;
    }
    String value = next.get();
    last = value;
    return value;
  }
}
