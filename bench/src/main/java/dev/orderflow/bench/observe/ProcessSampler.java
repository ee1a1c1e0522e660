package dev.orderflow.bench.observe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Samples named processes' CPU and memory once a second until stopped. */
public final class ProcessSampler implements AutoCloseable {
  private final Map<String, LongSupplier> pids = new LinkedHashMap<>();
  private final Map<String, List<double[]>> samples = new LinkedHashMap<>();
  private final Map<String, ProcStat> previous = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
  private long previousNanos;

  /** {@code pid} is asked at every sample, so a restarted process is followed. */
  public synchronized ProcessSampler watch(String name, LongSupplier pid) {
    pids.put(name, pid);
    samples.put(name, new ArrayList<>());
    return this;
  }

  public ProcessSampler start() {
    sample();
    timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  /**
   * Averages and maxima of the samples taken so far, one entry per watched process, with its CPU
   * seconds per 1,000 of the {@code orders} the samples span.
   */
  public synchronized List<ResourceUsage> summary(int orders) {
    List<ResourceUsage> usage = new ArrayList<>();
    samples.forEach(
        (name, list) -> {
          double cpuSum = 0, cpuMax = 0, rssSum = 0, rssMax = 0, cpuSeconds = 0;
          for (double[] s : list) {
            cpuSum += s[0];
            cpuSeconds += s[2];
            cpuMax = Math.max(cpuMax, s[0]);
            rssSum += s[1];
            rssMax = Math.max(rssMax, s[1]);
          }
          int n = Math.max(1, list.size());
          double perThousand = orders > 0 ? 1000.0 * cpuSeconds / orders : Double.NaN;
          usage.add(new ResourceUsage(name, cpuSum / n, cpuMax, rssSum / n, rssMax, perThousand));
        });
    return usage;
  }

  private synchronized void sample() {
    long now = System.nanoTime();
    double seconds = (now - previousNanos) / 1e9;
    pids.forEach(
        (name, pid) -> {
          Optional<ProcStat> stat = ProcStat.read(pid.getAsLong());
          ProcStat before = previous.get(name);
          stat.ifPresent(
              s -> {
                if (before != null && previousNanos != 0 && s.cpuTicks() >= before.cpuTicks()) {
                  double cpuSeconds =
                      (double) (s.cpuTicks() - before.cpuTicks()) / ProcStat.TICKS_PER_SECOND;
                  samples
                      .get(name)
                      .add(
                          new double[] {
                            100.0 * cpuSeconds / seconds, s.rssKib() / 1024.0, cpuSeconds
                          });
                }
                previous.put(name, s);
              });
        });
    previousNanos = now;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
