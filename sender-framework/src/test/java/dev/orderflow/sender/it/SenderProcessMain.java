package dev.orderflow.sender.it;

import dev.orderflow.sender.app.SenderService;
import java.util.concurrent.CountDownLatch;

/**
 * A sender in its own JVM, for the crash test: {@code <platform> <simulator-url> <table> <secret>}.
 * It prints READY once started and runs until killed.
 */
public final class SenderProcessMain {
  private SenderProcessMain() {}

  public static void main(String[] args) throws Exception {
    SenderHarness.Remote remote = new SenderHarness.Remote(args[0], args[1], args[2], args[3]);
    SenderService service = remote.service();
    service.start();
    System.out.println("READY");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
