package dev.orderflow.router.bench;

import dev.orderflow.common.kafka.Topic;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.router.buyer.DirectoryResilience;
import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import dev.orderflow.router.buyer.ResilientBuyerDirectory;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.topology.RecheckSettings;
import dev.orderflow.router.topology.RouterMetrics;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.RouterTopology;
import dev.orderflow.router.topology.TopologySettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Routed orders per second with a cold and a warm buyer cache, next to a passthrough topology
 * (bytes in, bytes out, exactly-once) over the same input in the same run on the same broker. The
 * passthrough runs first and again last, so JIT warm-up is visible rather than hidden.
 *
 * <p>{@code bench/router-benchmark.sh [orders] [buyers]}; needs the local stack (dev/start.sh).
 */
public final class RouterBenchmark {
  private final BenchStack stack;
  private final ThroughputMeter meter;

  private RouterBenchmark(BenchStack stack) {
    this.stack = stack;
    this.meter = new ThroughputMeter(stack);
  }

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int buyers = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    new RouterBenchmark(BenchStack.fromEnvironment(System.getenv())).run(orders, buyers);
  }

  private void run(int orders, int buyers) throws Exception {
    SchemaRegistryClient registry = new SchemaRegistryClient(stack.registryUrl());
    RouterTopics cold = stack.topics("cold", registry);
    RouterTopics warm = stack.topics("warm", registry);
    stack.createTopics(cold);
    stack.createTopics(warm);
    try (DynamoDbClient dynamo = stack.dynamo()) {
      String table = stack.createBuyersTable(dynamo, buyers);
      double produced = stack.produce(cold, orders, buyers);
      double passthroughFirst = passthrough(cold, orders, "passthrough-1");

      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      CachedBuyerDirectory directory =
          new CachedBuyerDirectory(
              new ResilientBuyerDirectory(
                  new DynamoBuyerDirectory(dynamo, table), DirectoryResilience.defaults()),
              BuyerCacheSettings.defaults());
      directory.bindTo(meters);
      double coldRate = route(cold, directory, meters, orders, "router-cold");
      String coldCache = cacheStats(meters);
      // Same directory instance: every buyer is now cached.
      double warmRate = route(warm, directory, meters, orders, "router-warm");
      double passthrough = passthrough(cold, orders, "passthrough-2");

      print(
          "%nrouter benchmark: %d orders, %d buyers, 2 partitions, exactly_once_v2%n",
          orders, buyers);
      print("  producer (Avro, registry)   %,9.0f records/s%n", produced);
      print(
          "  passthrough topology        %,9.0f records/s  (first run %,.0f)%n",
          passthrough, passthroughFirst);
      print("  router, cold buyer cache    %,9.0f orders/s   (%s)%n", coldRate, coldCache);
      print("  router, warm buyer cache    %,9.0f orders/s   (%s)%n", warmRate, cacheStats(meters));
      print("  warm router / passthrough   %9.0f %%%n", 100 * warmRate / passthrough);
    }
  }

  private double route(
      RouterTopics topics,
      CachedBuyerDirectory directory,
      MeterRegistry meters,
      int orders,
      String name)
      throws Exception {
    TopologySettings settings =
        new TopologySettings(RecheckSettings.defaults(), RenderSettings.defaults());
    Topology topology =
        RouterTopology.build(settings, topics, directory, new RouterMetrics(meters));
    Set<String> outputs =
        topics.platforms().values().stream().map(Topic::name).collect(Collectors.toSet());
    return meter.measure(topology, topics, outputs, orders, name);
  }

  private double passthrough(RouterTopics topics, int orders, String name) throws Exception {
    String output = stack.runId() + "." + name;
    stack.createTopics(List.of(output));
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            topics.ordersCreated().name(),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("source"))
        .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("sink"));
    return meter.measure(builder.build(), topics, Set.of(output), orders, name);
  }

  private static String cacheStats(SimpleMeterRegistry meters) {
    double hits = meters.get("cache.gets").tag("result", "hit").functionCounter().count();
    double misses = meters.get("cache.gets").tag("result", "miss").functionCounter().count();
    return String.format(Locale.ROOT, "cache hits %.0f, misses %.0f so far", hits, misses);
  }

  private static void print(String format, Object... args) {
    System.out.printf(Locale.ROOT, format, args);
  }
}
