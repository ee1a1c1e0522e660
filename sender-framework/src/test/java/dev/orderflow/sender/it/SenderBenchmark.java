package dev.orderflow.sender.it;

import static dev.orderflow.sender.fakes.Notifications.notification;
import static dev.orderflow.sender.fakes.Notifications.recipient;

import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.sender.app.SenderService;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.concurrent.TimeUnit;

/**
 * Notifications per second of one sender instance against the Meta simulator at 100 ms latency, and
 * the p50/p99 time a record spends in the sender. Not a test: run it by hand, with the stack up
 * (see the module README):
 *
 * <pre>
 * java -cp … dev.orderflow.sender.it.SenderBenchmark [notifications] [latency-ms] [max-in-flight]
 * </pre>
 */
public final class SenderBenchmark {
  private SenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    // As SenderLauncher does: the AWS URL-connection client's keep-alive pool is 5 by default.
    System.setProperty("http.maxConnections", "500");
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 100;
    int maxInFlight = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    boolean memoryLedger = args.length > 3 && args[3].equals("memory-ledger");
    try (SenderHarness stack = new SenderHarness(12, 1_000, maxInFlight)) {
      if (memoryLedger) {
        stack.useInMemoryLedger();
      }
      stack.sim.update(
          s ->
              new SimulatorSettings(
                  s.whatsapp().withLatency(latencyMs, 5).withRatePerSecond(5_000),
                  s.instagram(),
                  0));
      for (int i = 0; i < total; i++) {
        stack.sendAsync(notification("order-" + i, "buyer-" + i, recipient(i)));
      }
      stack.flush();
      System.out.printf("produced %d notifications; starting one sender%n", total);

      long start = System.nanoTime();
      SenderService sender = stack.startSender();
      long firstSeen = 0;
      int delivered = 0;
      while (delivered < total && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
        Thread.sleep(500);
        delivered = (int) stack.sim.stats().accepted(Platform.WHATSAPP);
        if (firstSeen == 0 && delivered > 0) {
          firstSeen = System.nanoTime();
        }
      }
      double seconds = (System.nanoTime() - firstSeen) / 1e9;
      Timer inSender = stack.registry.find("sender.record.duration").timer();
      Timer api = stack.registry.find("sender.api.latency").timer();
      Timer rateWait = stack.registry.find("sender.ratelimit.wait").timer();
      Timer ledger = stack.registry.find("sender.ledger.latency").timer();
      System.out.printf(
          "delivered %d in %.1f s: %.0f notifications/s per instance (latency %d ms, max in flight"
              + " %d, ledger %s)%n",
          delivered,
          seconds,
          delivered / seconds,
          latencyMs,
          maxInFlight,
          memoryLedger ? "in memory" : "dynalite");
      System.out.printf("time in sender per record: %s%n", percentiles(inSender));
      System.out.printf("Meta API call:             %s%n", percentiles(api));
      System.out.printf("rate-limiter wait:         %s%n", percentiles(rateWait));
      System.out.printf("ledger call (DynamoDB):    %s%n", percentiles(ledger));
      System.out.printf(
          "load average during the run: %s%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(
          "simulator: %d duplicates, rejections %s%n",
          stack.sim.stats().duplicates(Platform.WHATSAPP), stack.sim.stats().rejectedByCode());
      sender.close();
    }
  }

  private static String percentiles(Timer timer) {
    StringBuilder out = new StringBuilder();
    for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
      out.append(
          String.format("p%.0f=%.1f ms ", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
    }
    return out.append(String.format("(n=%d)", timer.count())).toString();
  }
}
