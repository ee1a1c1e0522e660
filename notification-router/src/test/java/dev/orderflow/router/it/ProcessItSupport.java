package dev.orderflow.router.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.router.Fixtures;
import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the process-based tests share: the router's environment, buyers and decoding. */
final class ProcessItSupport {
  private ProcessItSupport() {}

  /** Config for a router process on this test's names, reaching DynamoDB at {@code dynamo}. */
  static Map<String, String> env(TestStack stack, ItTopics it, URI dynamo, Path stateDir) {
    Map<String, String> env = new HashMap<>(it.env());
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", stack.registryUrl().toString());
    env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
    env.put("AWS_REGION", stack.awsRegion());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.toString());
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.put("ROUTER_APPLICATION_ID", stack.uniqueName("router"));
    env.put("KAFKA_STREAMS_STATE_DIR", stateDir.toString());
    // A SIGKILLed member must leave the group quickly for the restarted one to take over.
    env.put("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "6000");
    env.put("KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS", "1500");
    env.put("BUYERS_RECHECK_DELAY", "1s");
    env.put("LOG_LEVEL", "INFO");
    return env;
  }

  static List<Buyer> buyers(int count) {
    List<Buyer> buyers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      buyers.add(
          i % 2 == 0
              ? new Buyer(
                  "b-" + i,
                  "WHATSAPP",
                  "+23480300" + String.format("%05d", i),
                  null,
                  "Ada",
                  "pcm-NG",
                  false,
                  Fixtures.NOW)
              : new Buyer(
                  "b-" + i, "INSTAGRAM", null, "1784" + i, "Tunde", "en-NG", false, Fixtures.NOW));
    }
    return buyers;
  }

  /** A notification read from any platform topic as bytes. */
  static NotificationRequested decode(RouterTopics topics, ConsumerRecord<byte[], byte[]> r) {
    return topics.platform(Channel.WHATSAPP).value(r);
  }

  /** Reads the topic for a while (committed records only) and finds nothing. */
  static void assertStaysEmpty(TestStack stack, String topic) {
    RecordCollector collector = stack.collector(topic); // closed by the stack
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .pollInSameThread()
        .untilAsserted(() -> assertThat(collector.poll()).isEmpty());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
