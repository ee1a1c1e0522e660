package dev.orderflow.router.it;

import static dev.orderflow.router.Fixtures.NOW;
import static dev.orderflow.router.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.common.backoff.Backoff;
import dev.orderflow.common.backoff.Sleeper;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.BuyersTable;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerCacheSettings;
import dev.orderflow.router.buyer.BuyerItem;
import dev.orderflow.router.buyer.BuyerLookup;
import dev.orderflow.router.buyer.CachedBuyerDirectory;
import dev.orderflow.router.buyer.DirectoryResilience;
import dev.orderflow.router.buyer.DynamoBuyerDirectory;
import dev.orderflow.router.buyer.ResilientBuyerDirectory;
import dev.orderflow.router.inbound.BuyerInboundRecorder;
import dev.orderflow.router.inbound.InboundConsumer;
import dev.orderflow.router.inbound.OptOutKeywords;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.TopologySettings;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * buyer.inbound.v1 → the buyers table → the next order, on Kafka, the registry and dynalite: an
 * inbound message puts the buyer's next order inside the service window even when the buyer was
 * cached before, one older than 24 h does not, STOP makes the next order OPTED_OUT, START undoes
 * it.
 */
@RealStack
class InboundWindowIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  @TempDir Path stateDir;

  @Test
  void inboundMessagesOpenTheWindowAndStopAndStartSwitchNotificationsOffAndOn(TestStack stack)
      throws Exception {
    ItTopics it = ItTopics.create(stack, 2);
    String table = stack.uniqueTable("buyers-idx");
    stack.createTable(table, BuyerItem.BUYER_ID, BuyerItem.WHATSAPP_PHONE);
    BuyersTable buyers = new BuyersTable(stack.dynamoDb(), table);
    buyers.put(buyer("b-win", "+2348031110001"));
    buyers.put(buyer("b-old", "+2348031110002"));
    buyers.put(buyer("b-none", "+2348031110003"));
    buyers.put(buyer("b-stop", "+2348031110004"));
    String inboundTopic = stack.uniqueTopic("buyer.inbound");
    stack.createTopics(2, inboundTopic);
    RouterTopics topics = it.topics();
    DynamoBuyerDirectory dynamo = new DynamoBuyerDirectory(stack.dynamoDb(), table);
    CachedBuyerDirectory directory =
        new CachedBuyerDirectory(
            new ResilientBuyerDirectory(dynamo, DirectoryResilience.defaults()),
            BuyerCacheSettings.defaults());
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    String registry = stack.registryUrl().toString();
    AvroSerde<InboundMessage> inboundSerde =
        new AvroSerde<>(AvroSerdeConfig.localStack(registry), InboundMessage.class);

    try (InProcessRouter router =
            InProcessRouter.start(
                TopologySettings.defaults(),
                topics,
                directory,
                meters,
                stack.kafkaBootstrapServers(),
                stack.uniqueName("router"),
                stateDir);
        InboundConsumer inbound =
            new InboundConsumer(
                new KafkaConsumer<>(stack.consumerProperties(stack.uniqueName("inbound"))),
                inboundTopic,
                inboundSerde.deserializer(),
                new BuyerInboundRecorder(stack.dynamoDb(), table, OptOutKeywords.defaults()),
                directory::invalidate,
                meters,
                Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)),
                Sleeper.REAL);
        KafkaProducer<String, OrderCreated> orders =
            new KafkaProducer<>(
                stack.producerProperties(),
                new StringSerializer(),
                topics.ordersCreated().valueSerializer());
        KafkaProducer<String, InboundMessage> messages =
            new KafkaProducer<>(
                stack.producerProperties(), new StringSerializer(), inboundSerde.serializer())) {
      inbound.start();
      String whatsapp = topics.platform(Channel.WHATSAPP).name();

      // Given b-win and b-stop routed (and cached) before they ever wrote
      send(orders, topics, "v:b-win:1", "b-win");
      send(orders, topics, "v:b-stop:1", "b-stop");
      assertThat(windows(topics, stack.drain(whatsapp, 2, WAIT)))
          .containsExactlyInAnyOrderEntriesOf(Map.of("v:b-win:1", false, "v:b-stop:1", false));

      // When b-win writes now, b-old wrote 25 h ago, b-stop writes STOP
      Instant now = Instant.now();
      write(messages, inboundTopic, "+2348031110001", "hello", now.minusSeconds(60));
      write(messages, inboundTopic, "+2348031110002", "hi", now.minus(Duration.ofHours(25)));
      write(messages, inboundTopic, "+2348031110004", "STOP", now);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(fresh(dynamo, "b-win").lastInboundAt()).isNotNull();
                assertThat(fresh(dynamo, "b-old").lastInboundAt()).isNotNull();
                assertThat(fresh(dynamo, "b-stop").optedOut()).isTrue();
              });

      // Then the next orders see it, the cached buyers included
      for (String buyerId : List.of("b-win", "b-old", "b-none", "b-stop")) {
        send(orders, topics, "v:" + buyerId + ":2", buyerId);
      }
      assertThat(windows(topics, stack.drain(whatsapp, 5, WAIT)))
          .containsAllEntriesOf(Map.of("v:b-win:2", true, "v:b-old:2", false, "v:b-none:2", false))
          .doesNotContainKey("v:b-stop:2");
      List<ConsumerRecord<byte[], byte[]>> unroutable =
          stack.drain(topics.unroutable().name(), 1, WAIT);
      assertThat(unroutable).hasSize(1);
      assertThat(string(unroutable.getFirst().key())).isEqualTo("v:b-stop:2");
      assertThat(
              string(
                  unroutable
                      .getFirst()
                      .headers()
                      .lastHeader(HeaderNames.UNROUTABLE_REASON)
                      .value()))
          .isEqualTo("OPTED_OUT");
      assertThat(
              meters.get("router.orders.unroutable").tag("reason", "OPTED_OUT").counter().count())
          .isEqualTo(1);

      // And START lets notifications through again, inside the window it opened
      write(messages, inboundTopic, "+2348031110004", " start ", now.plusSeconds(1));
      await().atMost(WAIT).until(() -> !fresh(dynamo, "b-stop").optedOut());
      send(orders, topics, "v:b-stop:3", "b-stop");
      assertThat(windows(topics, stack.drain(whatsapp, 6, WAIT))).containsEntry("v:b-stop:3", true);
      assertThat(meters.get("router.inbound.keywords").tag("verdict", "OPT_OUT").counter().count())
          .isEqualTo(1);
    }
  }

  private static Buyer buyer(String id, String phone) {
    return new Buyer(id, "WHATSAPP", phone, null, "Ngozi", "en-NG", false, NOW);
  }

  private static Buyer fresh(DynamoBuyerDirectory dynamo, String buyerId) {
    return ((BuyerLookup.Found) dynamo.findFresh(buyerId)).buyer();
  }

  private static void send(
      KafkaProducer<String, OrderCreated> producer,
      RouterTopics topics,
      String orderId,
      String buyerId)
      throws Exception {
    producer
        .send(new ProducerRecord<>(topics.ordersCreated().name(), orderId, order(orderId, buyerId)))
        .get();
  }

  private static void write(
      KafkaProducer<String, InboundMessage> producer,
      String topic,
      String phone,
      String text,
      Instant at)
      throws Exception {
    InboundMessage message =
        InboundMessage.newBuilder()
            .setPlatform(Platform.WHATSAPP)
            .setSenderId(phone)
            .setMessageId("wamid." + phone + "." + at.toEpochMilli())
            .setOccurredAt(at)
            .setType("text")
            .setText(text)
            .setReceivedAt(Instant.now())
            .build();
    producer.send(new ProducerRecord<>(topic, phone, message)).get();
  }

  private static Map<String, Boolean> windows(
      RouterTopics topics, List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .map(r -> topics.platform(Channel.WHATSAPP).value(r))
        .collect(
            Collectors.toMap(
                NotificationRequested::getOrderId, NotificationRequested::getInsideServiceWindow));
  }

  private static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
