package dev.orderflow.bench;

import dev.orderflow.bench.load.AvroWire;
import dev.orderflow.bench.load.SyntheticRecords;
import dev.orderflow.bench.observe.StageTap;
import dev.orderflow.bench.orders.BuyerProfile;
import dev.orderflow.bench.orders.OrderMix;
import dev.orderflow.bench.orders.OrderPlanner;
import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.schema.OrderCreated;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router alone draining a backlog of {@code OrderCreated}: first one order per buyer of a pool
 * (filling its cache), then the measured orders for the same buyers (all cache hits). The rate is
 * taken over the measured part only, from the router's output topics.
 */
final class RouterDrainPhase {
  private static final Logger LOGGER = LoggerFactory.getLogger(RouterDrainPhase.class);
  private static final int POOL = 2_000;
  private static final Duration LIMIT = Duration.ofMinutes(3);

  private final BenchContext context;
  private final int records;

  RouterDrainPhase(BenchContext context, int records) {
    this.context = context;
    this.records = records;
  }

  /** Records per second routed with a warm cache. */
  double run() {
    PipelineNames names = PipelineNames.unique(context.runId() + "r");
    context.resources().create(names, 6);
    List<BuyerProfile> buyers =
        new OrderPlanner(
                context.runId() + "r", OrderMix.deliverableOnly(), 600, 7, Clock.systemUTC())
            .withBuyerPool(POOL)
            .plan(0)
            .buyers();
    context.resources().seedBuyers(names.buyersTable(), buyers);
    AvroWire<OrderCreated> wire =
        AvroWire.register(
            context.stack().registryUrl(), names.created(), OrderCreated.getClassSchema());
    try (KafkaProducer<byte[], byte[]> producer =
        context.clients().producer("bench-router-backlog")) {
      for (int i = 0; i < buyers.size() + records; i++) {
        String id = context.runId() + "r-" + i;
        byte[] value =
            wire.write(
                SyntheticRecords.orderCreated(
                    id, buyers.get(i % buyers.size()).buyerId(), names.created(), i));
        producer.send(
            new ProducerRecord<>(names.created(), bytes(SyntheticRecords.orderIdOf(id)), value));
      }
      producer.flush();
    }
    LOGGER.info("router backlog: {} warm-up + {} measured orders", buyers.size(), records);
    try (StageTap tap =
            new StageTap(
                context.stack().kafkaBootstrapServers(),
                List.of(names.whatsapp(), names.instagram()));
        Pipeline router = context.start(names, List.of(ServiceKind.NOTIFICATION_ROUTER))) {
      long total = buyers.size() + records;
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (tap.total() < total && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
      long warm = tap.reachedAt(buyers.size());
      long done = tap.reachedAt(total);
      if (warm < 0 || done <= warm) {
        throw new IllegalStateException(
            "the router routed " + tap.total() + " of " + total + " within " + LIMIT);
      }
      return records / ((done - warm) / 1000.0);
    } finally {
      context.resources().delete(names);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
