package dev.orderflow.bench;

import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.ServiceProfiles;
import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.RunningSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every phase of a run shares: the stack (with the run's own Meta simulator), its clients,
 * where the services' jars are, and where logs go.
 */
record BenchContext(
    String runId,
    StackAddresses stack,
    StackClients clients,
    RunningSimulator simulator,
    Path repositoryRoot,
    Path workDir,
    ServiceProfiles profiles) {

  /** Above what any phase offers, so the simulator never throttles unless a test asks it to. */
  static final int SIMULATOR_RATE = 5_000;

  /** The senders' own cap (their config allows at most 1,000 per number). */
  static final int SENDER_RATE = 1_000;

  PipelineResources resources() {
    return new PipelineResources(clients);
  }

  MetaSimulatorClient meta() {
    return simulator.client();
  }

  void metaLatency(Duration latency) {
    for (Platform platform : Platform.values()) {
      meta()
          .update(
              platform,
              p -> p.withLatency(latency.toMillis(), 0).withRatePerSecond(SIMULATOR_RATE));
    }
  }

  /** The services of {@code kinds}, pointed at {@code names}, started and ready. */
  Pipeline start(PipelineNames names, List<ServiceKind> kinds) {
    return new Pipeline(names, stack, kinds, repositoryRoot, workDir, BenchContext::tune, profiles)
        .startAll();
  }

  private static void tune(Map.Entry<ServiceKind, Map<String, String>> service) {
    switch (service.getKey()) {
      case WHATSAPP_SENDER, INSTAGRAM_SENDER ->
          service.getValue().put("RATE_NUMBER_PER_SECOND", Integer.toString(SENDER_RATE));
      case ORDER_INGEST, NOTIFICATION_ROUTER -> {}
    }
  }
}
