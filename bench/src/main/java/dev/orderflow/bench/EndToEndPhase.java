package dev.orderflow.bench;

import dev.orderflow.bench.load.LoadGenerator;
import dev.orderflow.bench.load.LoadResult;
import dev.orderflow.bench.observe.Delivery;
import dev.orderflow.bench.observe.PipelineOutcomes;
import dev.orderflow.bench.observe.ProcessSampler;
import dev.orderflow.bench.observe.Reconciliation;
import dev.orderflow.bench.observe.ResourceUsage;
import dev.orderflow.bench.observe.StageTap;
import dev.orderflow.bench.orders.Expectation;
import dev.orderflow.bench.orders.OrderPlanner;
import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.ServiceProcess;
import dev.orderflow.devservers.meta.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline under a steady open-loop load: vendors produce at the asked rate for the asked
 * time (after a short warm-up), every stage's output is tapped, every service's CPU and memory
 * sampled, and every order followed to its outcome.
 */
final class EndToEndPhase {
  private static final Logger LOGGER = LoggerFactory.getLogger(EndToEndPhase.class);
  private static final int WARM_UP_ORDERS = 2_000;
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);

  /** What the phase measured. */
  record Result(
      RunPlan measured,
      LoadResult load,
      List<Delivery> deliveries,
      Reconciliation reconciliation,
      Map<String, Map<Long, Integer>> stageCounts,
      List<ResourceUsage> resources,
      Instant drainedAt) {}

  private final BenchContext context;
  private final BenchSettings settings;

  EndToEndPhase(BenchContext context, BenchSettings settings) {
    this.context = context;
    this.settings = settings;
  }

  Result run() {
    PipelineNames names = PipelineNames.unique(context.runId());
    context.resources().create(names, 6);
    RunPlan all =
        new OrderPlanner(
                context.runId(), settings.mix(), settings.payloadBytes(), 42, Clock.systemUTC())
            .withBuyerPool(settings.buyerPool())
            .plan(WARM_UP_ORDERS + settings.orders());
    List<PlannedOrder> warmUp = all.orders().subList(0, WARM_UP_ORDERS);
    RunPlan measured =
        new RunPlan(
            all.runId(), all.buyers(), all.orders().subList(WARM_UP_ORDERS, all.orders().size()));
    context.resources().seedBuyers(names.buyersTable(), all.buyers());
    context.meta().reset();
    context.metaLatency(settings.metaLatency());
    try (Pipeline pipeline = context.start(names, List.of(ServiceKind.values()));
        KafkaProducer<byte[], byte[]> producer = context.clients().producer("bench-vendors");
        StageTap tap = new StageTap(context.stack().kafkaBootstrapServers(), topics(names));
        ProcessSampler sampler = sampler(pipeline)) {
      LoadGenerator generator = new LoadGenerator(producer, names.submitted());
      LOGGER.info("warm-up: {} orders", WARM_UP_ORDERS);
      generator.run(warmUp, Math.min(settings.rate(), 400));
      awaitAccepted(
          expectedDeliveries(all.orders().subList(0, WARM_UP_ORDERS)), Duration.ofSeconds(60));
      sampler.start();
      LOGGER.info("load: {} orders at {}/s", measured.orders().size(), settings.rate());
      LoadResult load = generator.run(measured.orders(), settings.rate());
      Instant drained = awaitAccepted(expectedDeliveries(all.orders()), DRAIN_LIMIT);
      List<ResourceUsage> resources = sampler.summary(measured.orders().size());
      PipelineOutcomes outcomes =
          PipelineOutcomes.read(context.stack().kafkaBootstrapServers(), names, context.meta());
      return new Result(
          measured,
          load,
          outcomes.deliveries(),
          outcomes.reconcile(measured),
          tap.counts(),
          resources,
          drained);
    } finally {
      context.resources().delete(names);
    }
  }

  private ProcessSampler sampler(Pipeline pipeline) {
    ProcessSampler sampler = new ProcessSampler();
    for (ServiceProcess service : pipeline.all()) {
      sampler.watch(service.name(), service::pid);
    }
    long self = ProcessHandle.current().pid();
    watchShared(sampler, "kafka.Kafka", "kafka broker (shared stack)");
    watchShared(sampler, "dynalite", "dynalite (shared stack's DynamoDB)");
    return sampler.watch("bench (load generator, taps, Meta simulator)", () -> self);
  }

  /** The shared stack's process whose command line holds {@code marker}, if one runs. */
  private static void watchShared(ProcessSampler sampler, String marker, String name) {
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(marker))
        .findFirst()
        .ifPresent(process -> sampler.watch(name, process::pid));
  }

  /** Waits until Meta accepted this many messages in all; returns when, or the deadline. */
  private Instant awaitAccepted(long expected, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (accepted() < expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
    if (accepted() < expected) {
      LOGGER.warn("Meta accepted {} of {} messages within {}", accepted(), expected, limit);
    }
    return Instant.now();
  }

  private long accepted() {
    var stats = context.meta().stats();
    return stats.accepted(Platform.WHATSAPP) + stats.accepted(Platform.INSTAGRAM);
  }

  private static long expectedDeliveries(List<PlannedOrder> orders) {
    return orders.stream().filter(o -> o.expected() instanceof Expectation.Delivered).count();
  }

  static List<String> topics(PipelineNames names) {
    return List.of(
        names.submitted(),
        names.created(),
        names.whatsapp(),
        names.instagram(),
        names.rejected(),
        names.unroutable());
  }
}
