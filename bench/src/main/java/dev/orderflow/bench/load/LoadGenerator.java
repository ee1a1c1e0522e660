package dev.orderflow.bench.load;

import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.common.kafka.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces planned orders to the intake topic at a steady rate: each order keyed by its vendor
 * order id with a correlation id header, sent when its slot in the schedule comes (open-loop, so a
 * slow pipeline does not slow the vendors down and latency is measured honestly).
 */
public final class LoadGenerator {
  private static final Logger LOGGER = LoggerFactory.getLogger(LoadGenerator.class);

  /** Sends are grouped into ticks of this length rather than parking once per record. */
  private static final long TICK_NANOS = Duration.ofMillis(5).toNanos();

  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public LoadGenerator(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /**
   * Sends every order at {@code ratePerSecond}; returns once all are acknowledged or failed.
   *
   * @param ratePerSecond 0 sends as fast as the producer takes them
   */
  public LoadResult run(List<PlannedOrder> orders, double ratePerSecond) {
    Map<String, Instant> producedAt = new ConcurrentHashMap<>(orders.size() * 2);
    AtomicInteger failed = new AtomicInteger();
    Instant started = Instant.now();
    long start = System.nanoTime();
    for (int i = 0; i < orders.size(); i++) {
      if (ratePerSecond > 0) {
        long due = start + (long) (i * 1e9 / ratePerSecond);
        long wait = due - System.nanoTime();
        if (wait > TICK_NANOS) {
          LockSupport.parkNanos(wait);
        }
      }
      PlannedOrder order = orders.get(i);
      producedAt.put(order.vendorOrderId(), Instant.now());
      producer.send(
          record(order),
          (metadata, error) -> {
            if (error != null) {
              failed.incrementAndGet();
              LOGGER.warn("send failed order={}: {}", order.vendorOrderId(), error.toString());
            }
          });
    }
    producer.flush();
    Instant finished = Instant.now();
    LOGGER.info(
        "produced orders={} failed={} in {} ms",
        orders.size(),
        failed.get(),
        Duration.between(started, finished).toMillis());
    return new LoadResult(orders.size(), failed.get(), started, finished, producedAt);
  }

  /** Sends raw bytes (poison pills: bytes no vendor schema can read) under a key. */
  public void sendRaw(String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, bytes(key), value));
  }

  public void flush() {
    producer.flush();
  }

  private ProducerRecord<byte[], byte[]> record(PlannedOrder order) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, bytes(order.vendorOrderId()), order.json());
    record.headers().add(HeaderNames.CORRELATION_ID, bytes("corr-" + order.vendorOrderId()));
    return record;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
