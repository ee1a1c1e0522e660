package dev.orderflow.router.it;

import static dev.orderflow.router.Fixtures.NOW;
import static dev.orderflow.router.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.router.BuyersTable;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.router.buyer.DirectoryResilience;
import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import dev.orderflow.router.buyer.ResilientBuyerDirectory;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RecheckSettings;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.TopologySettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing, every unroutable reason and the dead-letter topic, on Kafka, the registry, dynalite. */
@RealStack
class RouterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path stateDir;

  @Test
  void everyOrderEndsAsOneNotificationOrOneUnroutableRecordAndJunkIsDeadLettered(TestStack stack)
      throws Exception {
    // Given buyers of every kind in a real buyers table
    ItTopics it = ItTopics.create(stack, 2);
    BuyersTable buyers = new BuyersTable(stack.dynamoDb(), it.buyersTable());
    buyers.put(buyer("b-wa", "WHATSAPP", "+2348031234567", null, false));
    buyers.put(buyer("b-ig", "INSTAGRAM", null, "17841400000000001", false));
    buyers.put(buyer("b-out", "WHATSAPP", "+2348031234568", null, true));
    buyers.put(buyer("b-none", null, "+2348031234569", null, false));
    buyers.put(buyer("b-nophone", "WHATSAPP", null, null, false));
    buyers.put(buyer("b-tg", "TELEGRAM", "+2348031234560", null, false));
    RouterTopics topics = it.topics();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TopologySettings settings =
        new TopologySettings(
            new RecheckSettings(Duration.ofSeconds(1), Duration.ofMillis(100)),
            RenderSettings.defaults());
    CachedBuyerDirectory directory =
        new CachedBuyerDirectory(
            new ResilientBuyerDirectory(
                new DynamoBuyerDirectory(stack.dynamoDb(), it.buyersTable()),
                DirectoryResilience.defaults()),
            BuyerCacheSettings.defaults());

    try (InProcessRouter router =
            InProcessRouter.start(
                settings,
                topics,
                directory,
                meters,
                stack.kafkaBootstrapServers(),
                stack.uniqueName("router"),
                stateDir);
        KafkaProducer<String, OrderCreated> producer =
            new KafkaProducer<>(
                stack.producerProperties(),
                new StringSerializer(),
                topics.ordersCreated().valueSerializer());
        KafkaProducer<byte[], byte[]> raw = stack.producer()) {
      // When
      for (String buyerId :
          List.of("b-wa", "b-ig", "b-out", "b-none", "b-nophone", "b-tg", "b-ghost", "b-late")) {
        String orderId = "v:" + buyerId;
        producer.send(
            new ProducerRecord<>(topics.ordersCreated().name(), orderId, order(orderId, buyerId)));
      }
      producer.flush();
      byte[] junk = "not an order".getBytes(StandardCharsets.UTF_8);
      raw.send(new ProducerRecord<>(topics.ordersCreated().name(), bytes("v:junk"), junk)).get();
      // b-late registers a moment after its order, within the re-check delay
      buyers.put(buyer("b-late", "INSTAGRAM", null, "17841400000000002", false));

      // Then
      List<ConsumerRecord<byte[], byte[]>> whatsapp =
          stack.drain(topics.platform(Channel.WHATSAPP).name(), 1, WAIT);
      List<ConsumerRecord<byte[], byte[]>> instagram =
          stack.drain(topics.platform(Channel.INSTAGRAM).name(), 2, WAIT);
      List<ConsumerRecord<byte[], byte[]>> unroutable =
          stack.drain(topics.unroutable().name(), 5, WAIT);
      List<ConsumerRecord<byte[], byte[]>> dead = stack.drain(topics.deadLetters().name(), 1, WAIT);

      assertThat(whatsapp).hasSize(1);
      NotificationRequested wa = decode(topics, whatsapp.getFirst());
      assertThat(wa.getNotificationId()).isEqualTo("v:b-wa:whatsapp");
      assertThat(string(whatsapp.getFirst().key())).isEqualTo("b-wa");
      assertThat(wa.getTemplate().getParameters().get(2).getAmount1000()).isEqualTo(1_380_000_000L);
      assertThat(instagram)
          .extracting(r -> decode(topics, r).getOrderId())
          .containsExactlyInAnyOrder("v:b-ig", "v:b-late");
      Map<String, String> reasons =
          unroutable.stream()
              .collect(
                  Collectors.toMap(
                      r -> string(r.key()),
                      r -> string(r.headers().lastHeader(HeaderNames.UNROUTABLE_REASON).value())));
      assertThat(reasons)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "v:b-out", "OPTED_OUT",
                  "v:b-none", "NO_PLATFORM",
                  "v:b-nophone", "NO_CONTACT",
                  "v:b-tg", "UNSUPPORTED_PLATFORM",
                  "v:b-ghost", "UNKNOWN_BUYER"));
      ConsumerRecord<byte[], byte[]> ghost =
          unroutable.stream()
              .filter(r -> string(r.key()).equals("v:b-ghost"))
              .findFirst()
              .orElseThrow();
      assertThat(
              topics
                  .ordersCreated()
                  .valueDeserializer()
                  .deserialize(topics.ordersCreated().name(), ghost.value()))
          .isEqualTo(order("v:b-ghost", "b-ghost"));
      assertThat(dead).hasSize(1);
      assertThat(dead.getFirst().value()).isEqualTo(junk);
      assertThat(string(dead.getFirst().headers().lastHeader("__streams.errors.exception").value()))
          .isNotBlank();
      assertThat(
              meters
                  .get("router.orders.unroutable")
                  .tag("reason", "UNKNOWN_BUYER")
                  .counter()
                  .count())
          .isEqualTo(1);

      // And nothing more arrives than one record per order
      RecordCollector all = stack.collector(topics.unroutable().name());
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .pollInSameThread()
          .untilAsserted(() -> assertThat(all.poll()).hasSize(5));
    }
  }

  private static Buyer buyer(
      String id, String platform, String phone, String igsid, boolean optedOut) {
    return new Buyer(id, platform, phone, igsid, "Ngozi", "en-NG", optedOut, NOW);
  }

  private static NotificationRequested decode(
      RouterTopics topics, ConsumerRecord<byte[], byte[]> r) {
    return topics.platform(Channel.WHATSAPP).value(r);
  }

  private static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
