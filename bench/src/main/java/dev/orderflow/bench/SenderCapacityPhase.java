package dev.orderflow.bench;

import dev.orderflow.bench.load.AvroWire;
import dev.orderflow.bench.load.SyntheticRecords;
import dev.orderflow.bench.observe.Delivery;
import dev.orderflow.bench.observe.DeliveryReader;
import dev.orderflow.bench.orders.BuyerProfile;
import dev.orderflow.bench.orders.OrderMix;
import dev.orderflow.bench.orders.OrderPlanner;
import dev.orderflow.bench.pipeline.Pipeline;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.schema.NotificationRequested;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One sender instance alone draining a backlog of notifications, each to its own recipient, while
 * the simulated Graph API takes a fixed time per call. The rate is Meta's receive rate between the
 * 10th and the 90th percentile of the messages (start-up and tail left out).
 */
final class SenderCapacityPhase {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  private final BenchContext context;
  private final int records;

  SenderCapacityPhase(BenchContext context, int records) {
    this.context = context;
    this.records = records;
  }

  /** Messages per second Meta received from {@code kind} alone. */
  double run(ServiceKind kind, Platform platform, Duration latency) {
    String runId = context.runId() + (platform == Platform.WHATSAPP ? "w" : "i");
    PipelineNames names = PipelineNames.unique(runId);
    context.resources().create(names, 6);
    String topic = platform == Platform.WHATSAPP ? names.whatsapp() : names.instagram();
    backlog(context, runId, platform, topic, records);
    context.meta().reset();
    context.metaLatency(latency);
    try (Pipeline sender = context.start(names, List.of(kind))) {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (context.meta().stats().accepted(platform) < records && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
      List<Instant> received =
          DeliveryReader.read(context.meta().messages(platform)).stream()
              .map(Delivery::receivedAt)
              .sorted()
              .toList();
      return steadyRate(received);
    } finally {
      context.resources().delete(names);
    }
  }

  /**
   * {@code records} notifications on {@code topic}, each to a buyer of its own, as the router
   * writes them.
   */
  static void backlog(
      BenchContext context, String runId, Platform platform, String topic, int records) {
    OrderMix mix =
        platform == Platform.WHATSAPP
            ? OrderMix.parse("whatsapp=1")
            : OrderMix.parse("instagram=1");
    List<BuyerProfile> buyers =
        new OrderPlanner(runId, mix, 600, 7, Clock.systemUTC()).plan(records).buyers();
    AvroWire<NotificationRequested> wire =
        AvroWire.register(
            context.stack().registryUrl(), topic, NotificationRequested.getClassSchema());
    try (KafkaProducer<byte[], byte[]> producer =
        context.clients().producer("bench-sender-backlog")) {
      for (int i = 0; i < buyers.size(); i++) {
        BuyerProfile buyer = buyers.get(i);
        byte[] value = wire.write(SyntheticRecords.notification(runId + "-" + i, buyer));
        producer.send(
            new ProducerRecord<>(topic, buyer.buyerId().getBytes(StandardCharsets.UTF_8), value));
      }
    }
  }

  static double steadyRate(List<Instant> received) {
    if (received.size() < 10) {
      return 0;
    }
    int from = received.size() / 10;
    int to = received.size() * 9 / 10;
    double seconds = Duration.between(received.get(from), received.get(to)).toNanos() / 1e9;
    return seconds <= 0 ? 0 : (to - from) / seconds;
  }
}
