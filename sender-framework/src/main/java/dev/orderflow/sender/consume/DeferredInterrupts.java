package dev.orderflow.sender.consume;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interrupts that wait for a critical section to end. The consume loop interrupts handler threads
 * when their partition is revoked or the service stops; once Meta may have accepted a message, the
 * handler must still write SENT, or the next owner sends it again. So the handler runs "call Meta,
 * write SENT" {@linkplain #shielded shielded}, and the loop interrupts through {@link #interrupt},
 * which only marks the interrupt as pending while the section runs; it is delivered (the thread's
 * interrupt flag set) when the section ends.
 */
public final class DeferredInterrupts {
  private static final Map<Thread, Section> SECTIONS = new ConcurrentHashMap<>();

  private DeferredInterrupts() {}

  /** A body that may throw a checked exception. */
  @FunctionalInterface
  public interface Body<T, E extends Exception> {
    T run() throws E;
  }

  private static final class Section {
    int depth;
    boolean pending;
  }

  /** Runs {@code body} with interrupts (including one already pending) deferred until it ends. */
  public static <T, E extends Exception> T shielded(Body<T, E> body) throws E {
    Thread me = Thread.currentThread();
    Section section = SECTIONS.computeIfAbsent(me, t -> new Section());
    synchronized (section) {
      section.depth++;
      // An interrupt that came just before the section would abort it just the same.
      section.pending |= Thread.interrupted();
    }
    try {
      return body.run();
    } finally {
      boolean deliver;
      synchronized (section) {
        section.depth--;
        deliver = section.depth == 0 && section.pending;
        if (section.depth == 0) {
          SECTIONS.remove(me);
        }
      }
      if (deliver) {
        me.interrupt();
      }
    }
  }

  /** Interrupts {@code thread} now, or when it leaves its shielded section. */
  public static void interrupt(Thread thread) {
    Section section = SECTIONS.get(thread);
    if (section != null) {
      synchronized (section) {
        if (section.depth > 0) {
          section.pending = true;
          return;
        }
      }
    }
    thread.interrupt();
  }

  /** True while {@code thread} runs a shielded section. */
  public static boolean isShielded(Thread thread) {
    return SECTIONS.containsKey(thread);
  }
}
