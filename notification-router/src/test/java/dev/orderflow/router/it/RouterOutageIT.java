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
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DynamoDB goes away for real (the router reaches dynalite through a relay that the test takes
 * down): routing stops, readiness turns false, nothing is skipped or dead-lettered, and all of it
 * resumes by itself when DynamoDB is back.
 */
@RealStack
class RouterOutageIT {
  private static final int BUYERS = 40;
  @TempDir Path dir;

  @Test
  void aDynamoDbOutagePausesRoutingAndReadinessThenEverythingResumesWithNothingLost(TestStack stack)
      throws Exception {
    // Given a router reaching DynamoDB through the relay, with short retries
    ItTopics it = ItTopics.create(stack, 2);
    new BuyersTable(stack.dynamoDb(), it.buyersTable()).putAll(ProcessItSupport.buyers(BUYERS));
    RouterTopics topics = it.topics();
    try (BreakableTcpProxy dynamo = new BreakableTcpProxy(stack.dynamoDbEndpoint())) {
      Map<String, String> env =
          new HashMap<>(ProcessItSupport.env(stack, it, dynamo.uri(), dir.resolve("state")));
      env.put("BUYERS_RETRY_MAX_ATTEMPTS", "3");
      env.put("BUYERS_RETRY_INITIAL_BACKOFF", "100ms");
      env.put("BUYERS_RETRY_MAX_BACKOFF", "500ms");
      env.put("BUYERS_CIRCUIT_OPEN_WAIT", "1s");
      try (RouterProcess router = new RouterProcess(env, dir, ProcessItSupport.freePort()).start();
          KafkaProducer<String, OrderCreated> producer =
              new KafkaProducer<>(
                  stack.producerProperties(),
                  new StringSerializer(),
                  topics.ordersCreated().valueSerializer())) {
        RecordCollector whatsapp = stack.collector(topics.platform(Channel.WHATSAPP).name());
        RecordCollector instagram = stack.collector(topics.platform(Channel.INSTAGRAM).name());
        await().atMost(Duration.ofSeconds(90)).until(() -> router.readiness() == 200);
        send(producer, topics.ordersCreated().name(), 0, BUYERS / 2);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInSameThread()
            .until(() -> count(whatsapp, instagram) == BUYERS / 2);

        // When DynamoDB goes away and orders for buyers not yet cached arrive
        dynamo.down();
        send(producer, topics.ordersCreated().name(), BUYERS / 2, BUYERS);

        // Then the router reports not ready and makes no progress, rather than skip any order
        await().atMost(Duration.ofSeconds(30)).until(() -> router.readiness() == 503);
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10))
            .pollInSameThread()
            .until(() -> count(whatsapp, instagram) == BUYERS / 2);
        assertThat(router.isAlive()).isTrue();

        // And when DynamoDB is back, it resumes by itself and every order arrives once
        dynamo.up();
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInSameThread()
            .until(() -> count(whatsapp, instagram) >= BUYERS);
        await().atMost(Duration.ofSeconds(30)).until(() -> router.readiness() == 200);
        assertThat(
                Stream.concat(whatsapp.poll().stream(), instagram.poll().stream())
                    .map(r -> ProcessItSupport.decode(topics, r).getOrderId().toString()))
            .hasSize(BUYERS)
            .doesNotHaveDuplicates();
        assertThat(router.metrics())
            .contains(
                "router_orders_routed_total{",
                "router_buyer_directory_available",
                "cache_gets_total{",
                "kafka_stream_");
        ProcessItSupport.assertStaysEmpty(stack, topics.unroutable().name());
        ProcessItSupport.assertStaysEmpty(stack, topics.deadLetters().name());
      }
    }
  }

  private static void send(
      KafkaProducer<String, OrderCreated> producer, String topic, int from, int to) {
    for (int i = from; i < to; i++) {
      String orderId = "v:outage-" + i;
      producer.send(new ProducerRecord<>(topic, orderId, order(orderId, "b-" + i)));
    }
    producer.flush();
  }

  private static int count(RecordCollector whatsapp, RecordCollector instagram) {
    return whatsapp.poll().size() + instagram.poll().size();
  }
}
