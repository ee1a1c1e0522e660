package dev.orderflow.bench;

import dev.orderflow.bench.orders.OrderMix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench run}: the benchmark, as bench/run.sh runs it. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = "Benchmarks the pipeline on the local stack and writes report.{json,md,png}.")
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--rate", defaultValue = "1000", description = "Orders per second, end to end.")
  double rate;

  @Option(names = "--duration", defaultValue = "PT60S", description = "How long the load lasts.")
  Duration duration;

  @Option(
      names = "--mix",
      defaultValue =
          "whatsapp=0.55,instagram=0.30,invalid=0.05,unknownBuyer=0.04,optedOut=0.03,noPlatform=0.03",
      description = "Shares of each kind of order.")
  String mix;

  @Option(names = "--payload-bytes", defaultValue = "600", description = "Size of each JSON order.")
  int payloadBytes;

  @Option(
      names = "--buyer-pool",
      defaultValue = "12000",
      description = "Buyers the orders go to in turn.")
  int buyerPool;

  @Option(
      names = "--meta-latency",
      defaultValue = "PT0.05S",
      description = "Simulated API latency, end to end.")
  Duration metaLatency;

  @Option(
      names = "--sender-latency",
      defaultValue = "PT0.1S",
      description = "Simulated API latency, sender phase.")
  Duration senderLatency;

  @Option(names = "--ceiling-records", defaultValue = "200000")
  int ceilingRecords;

  @Option(names = "--router-records", defaultValue = "20000")
  int routerRecords;

  @Option(names = "--sender-records", defaultValue = "15000")
  int senderRecords;

  @Option(names = "--out", defaultValue = "bench/target/report", description = "Report directory.")
  Path output;

  @Option(
      names = "--profile",
      description =
          "Record every service JVM with Java Flight Recorder into <out>/profiles/ (costs a few %%"
              + " of CPU; read with: jfr print --events jdk.ExecutionSample <file>).")
  boolean profile;

  @Option(
      names = "--repository-root",
      defaultValue = ".",
      description = "Where the service modules are.")
  Path repositoryRoot;

  @Override
  public Integer call() throws Exception {
    BenchSettings settings =
        new BenchSettings(
            rate,
            duration,
            OrderMix.parse(mix),
            payloadBytes,
            buyerPool,
            metaLatency,
            senderLatency,
            ceilingRecords,
            routerRecords,
            senderRecords,
            output,
            profile);
    new BenchRun(settings, repositoryRoot.toAbsolutePath().normalize()).run();
    return 0;
  }
}
