package dev.orderflow.devservers.meta;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load run, not a test: N virtual threads send WhatsApp templates for S seconds to an
 * embedded simulator with 100 ms latency, then print requests/s and latency percentiles.
 *
 * <p>Run: {@code java -cp <test classpath> dev.orderflow.devservers.meta.SimulatorLoadRun
 * [seconds=15] [concurrency=250] [latencyMs=100]}
 */
public final class SimulatorLoadRun {

  private static final String BODY =
      """
      {"messaging_product":"whatsapp","to":"2348000000000","type":"template","template":{
      "name":"order_shipped","language":{"code":"en"},"components":[{"type":"body","parameters":[
      {"type":"text","text":"Ada"},{"type":"currency","currency":{"fallback_value":"₦4,990",
      "code":"NGN","amount_1000":4990000}}]}]}}""";

  private SimulatorLoadRun() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 250;
    long latencyMs = args.length > 2 ? Long.parseLong(args[2]) : 100;
    SimulatorSettings defaults = SimulatorSettings.defaults();
    SimulatorSettings settings =
        defaults
            .with(
                Platform.WHATSAPP,
                defaults.whatsapp().withLatency(latencyMs, 0).withRatePerSecond(1_000_000))
            .withPairIntervalMs(0);
    try (RunningSimulator simulator =
        MetaGraphSimulator.start(SimulatorConfig.ephemeral().withSettings(settings))) {
      URI uri =
          URI.create(
              simulator.baseUri()
                  + "/v23.0/"
                  + defaults.whatsapp().accountIds().getFirst()
                  + "/messages");
      run(uri, seconds, concurrency, latencyMs);
      System.out.println("simulator stats: " + simulator.client().stats());
    }
  }

  private static void run(URI uri, int seconds, int concurrency, long latencyMs)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + SimulatorSettings.DEFAULT_WHATSAPP_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < concurrency; i++) {
        workers.submit(
            () -> {
              while (System.nanoTime() < end) {
                long start = System.nanoTime();
                boolean success = send(http, request);
                if (start >= warmupEnd) {
                  (success ? ok : failed).incrementAndGet();
                  micros.add((System.nanoTime() - start) / 1_000);
                }
              }
              return null;
            });
      }
    }
    report(seconds, concurrency, latencyMs, ok.get(), failed.get(), new ArrayList<>(micros));
  }

  private static boolean send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static void report(
      int seconds, int concurrency, long latencyMs, long ok, long failed, List<Long> micros) {
    long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    System.out.printf(
        "latency=%d ms concurrency=%d measured=%d s: %d ok, %d failed, %.0f requests/s,"
            + " p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
        latencyMs,
        concurrency,
        seconds,
        ok,
        failed,
        (ok + failed) / (double) seconds,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1000.0;
  }
}
