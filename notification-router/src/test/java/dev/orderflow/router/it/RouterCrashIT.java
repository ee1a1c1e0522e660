package dev.orderflow.router.it;

import static dev.orderflow.router.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.router.BuyersTable;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly-once across a SIGKILL: the router runs as its own process and is killed mid-stream. */
@RealStack
class RouterCrashIT {
  private static final int ORDERS = 4000;
  private static final int BUYERS = 100;
  @TempDir Path dir;

  @Test
  void aRouterKilledMidStreamAndRestartedWritesExactlyOneNotificationPerOrder(TestStack stack)
      throws Exception {
    // Given buyers, and a router process
    ItTopics it = ItTopics.create(stack, 2);
    new BuyersTable(stack.dynamoDb(), it.buyersTable()).putAll(ProcessItSupport.buyers(BUYERS));
    RouterTopics topics = it.topics();
    try (RouterProcess router =
            new RouterProcess(
                    ProcessItSupport.env(stack, it, stack.dynamoDbEndpoint(), dir.resolve("state")),
                    dir,
                    ProcessItSupport.freePort())
                .start();
        KafkaProducer<String, OrderCreated> producer =
            new KafkaProducer<>(
                stack.producerProperties(),
                new StringSerializer(),
                topics.ordersCreated().valueSerializer())) {
      // Both closed by the stack.
      RecordCollector whatsapp = stack.collector(topics.platform(Channel.WHATSAPP).name());
      RecordCollector instagram = stack.collector(topics.platform(Channel.INSTAGRAM).name());

      await().atMost(Duration.ofSeconds(90)).until(() -> router.readiness() == 200);

      // When orders keep arriving (about 500 a second) ...
      Thread feeder = Thread.ofVirtual().start(() -> feed(producer, topics.ordersCreated().name()));
      // ... and the router is SIGKILLed once it has written some of them
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInSameThread()
          .until(() -> whatsapp.poll().size() + instagram.poll().size() >= 300);
      router.kill();
      int writtenAtKill = whatsapp.poll().size() + instagram.poll().size();
      router.start();
      feeder.join(Duration.ofSeconds(60));

      // Then every order is delivered once, counting committed records only
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInSameThread()
          .until(() -> whatsapp.poll().size() + instagram.poll().size() >= ORDERS);
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .pollInSameThread()
          .until(() -> whatsapp.poll().size() + instagram.poll().size() == ORDERS);
      assertThat(writtenAtKill).as("killed mid-stream").isLessThan(ORDERS);
      List<String> ids =
          Stream.concat(whatsapp.records().stream(), instagram.records().stream())
              .map((ConsumerRecord<byte[], byte[]> r) -> ProcessItSupport.decode(topics, r))
              .map(n -> n.getNotificationId().toString())
              .toList();
      assertThat(ids).hasSize(ORDERS).doesNotHaveDuplicates();
      ProcessItSupport.assertStaysEmpty(stack, topics.unroutable().name());
    }
  }

  private static void feed(KafkaProducer<String, OrderCreated> producer, String topic) {
    long start = System.nanoTime();
    for (int i = 0; i < ORDERS; i++) {
      String orderId = "v:crash-" + i;
      producer.send(new ProducerRecord<>(topic, orderId, order(orderId, "b-" + (i % BUYERS))));
      if (i % 50 == 49) {
        producer.flush();
        // Paced, so that the kill lands while orders are still arriving.
        long due = start + Duration.ofMillis(i * 2L).toNanos();
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
    }
    producer.flush();
  }
}
