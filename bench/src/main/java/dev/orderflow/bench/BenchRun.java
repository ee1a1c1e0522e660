package dev.orderflow.bench;

import dev.orderflow.bench.ceiling.CeilingResult;
import dev.orderflow.bench.ceiling.PassthroughCeiling;
import dev.orderflow.bench.ceiling.RawCeiling;
import dev.orderflow.bench.pipeline.LaunchCommand;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.ServiceProfiles;
import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import dev.orderflow.bench.report.BenchReport;
import dev.orderflow.bench.report.ReportComparison;
import dev.orderflow.bench.report.ReportWriter;
import dev.orderflow.devservers.meta.MetaGraphSimulator;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import dev.orderflow.devservers.meta.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run: the broker's ceilings, the pipeline end to end, the router alone, each sender
 * alone; then the report. A phase whose services are not built is left out and named in the notes.
 */
final class BenchRun {
  private static final Logger LOGGER = LoggerFactory.getLogger(BenchRun.class);

  private final BenchSettings settings;
  private final Path repositoryRoot;

  BenchRun(BenchSettings settings, Path repositoryRoot) {
    this.settings = settings;
    this.repositoryRoot = repositoryRoot;
  }

  BenchReport run() throws Exception {
    String runId =
        "bench" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    Instant started = Instant.now();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Load average when the run started: "
            + loadAverage()
            + " (other work on the machine competes for its cores).");
    try (RunningSimulator simulator = MetaGraphSimulator.start(SimulatorConfig.ephemeral());
        StackClients clients =
            new StackClients(
                StackAddresses.fromEnvironment().withMetaGraphUrl(simulator.baseUri()))) {
      BenchContext context =
          new BenchContext(
              runId,
              clients.stack(),
              clients,
              simulator,
              repositoryRoot,
              settings.output().resolve("logs"),
              settings.profile()
                  ? ServiceProfiles.into(
                      Files.createDirectories(settings.output().resolve("profiles")))
                  : ServiceProfiles.off());
      List<CeilingResult> ceilings = ceilings(clients, runId);
      EndToEndPhase.Result endToEnd =
          phase(
              "End-to-end",
              notes,
              () -> new EndToEndPhase(context, settings).run(),
              ServiceKind.values());
      Double router =
          phase(
              "Router",
              notes,
              () -> new RouterDrainPhase(context, settings.routerRecords()).run(),
              ServiceKind.NOTIFICATION_ROUTER);
      SenderCapacityPhase senders = new SenderCapacityPhase(context, settings.senderRecords());
      Double whatsapp =
          phase(
              "WhatsApp sender",
              notes,
              () ->
                  senders.run(
                      ServiceKind.WHATSAPP_SENDER, Platform.WHATSAPP, settings.senderLatency()),
              ServiceKind.WHATSAPP_SENDER);
      Double instagram =
          phase(
              "Instagram sender",
              notes,
              () ->
                  senders.run(
                      ServiceKind.INSTAGRAM_SENDER, Platform.INSTAGRAM, settings.senderLatency()),
              ServiceKind.INSTAGRAM_SENDER);
      ThrottlePhase.Result throttled =
          phase(
              "Throttled sender",
              notes,
              () -> new ThrottlePhase(context).run(),
              ServiceKind.WHATSAPP_SENDER);
      DeliveryStatusPhase.Result statuses =
          phase(
              "Delivery statuses",
              notes,
              () -> new DeliveryStatusPhase(context).run(),
              ServiceKind.WHATSAPP_SENDER);
      notes.add("Load average when the run ended: " + loadAverage() + ".");
      BenchReport report =
          new ReportAssembler(runId, started, settings, notes)
              .assemble(
                  ceilings,
                  endToEnd,
                  optional(router),
                  optional(whatsapp),
                  optional(instagram),
                  throttled,
                  statuses);
      ReportWriter.write(
          report,
          settings.output(),
          ReportComparison.latest(repositoryRoot.resolve("bench").resolve("results")));
      LOGGER.info("report written to {}", settings.output().toAbsolutePath());
      return report;
    }
  }

  private List<CeilingResult> ceilings(StackClients clients, String runId) throws Exception {
    String raw = "bench.raw." + runId;
    String copy = "bench.passthrough." + runId;
    LOGGER.info(
        "ceilings: {} records of {} bytes", settings.ceilingRecords(), settings.payloadBytes());
    try {
      CeilingResult rawResult =
          new RawCeiling(clients).measure(raw, settings.ceilingRecords(), settings.payloadBytes());
      CeilingResult passthrough =
          new PassthroughCeiling(clients)
              .measure(raw, copy, settings.ceilingRecords(), settings.payloadBytes());
      return List.of(rawResult, passthrough);
    } finally {
      new dev.orderflow.bench.pipeline.PipelineResources(clients).deleteTopics(List.of(raw, copy));
    }
  }

  /**
   * Runs a phase when its services are built; a phase that fails is logged and named in the notes,
   * so the phases before it still make a report.
   */
  private <T> T phase(String name, List<String> notes, Callable<T> body, ServiceKind... needs) {
    if (!available(needs)) {
      notes.add(name + " phase skipped: its services are not built in this checkout.");
      return null;
    }
    try {
      return body.call();
    } catch (Exception e) {
      LOGGER.error("{} phase failed", name, e);
      notes.add(name + " phase failed: " + e);
      return null;
    }
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The 1, 5 and 15 minute load averages from /proc/loadavg. */
  static String loadAverage() {
    try {
      String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private boolean available(ServiceKind... kinds) {
    for (ServiceKind kind : kinds) {
      if (!LaunchCommand.available(kind, repositoryRoot)) {
        LOGGER.warn("{} is not built: its phase is skipped", kind.module());
        return false;
      }
    }
    return true;
  }
}
