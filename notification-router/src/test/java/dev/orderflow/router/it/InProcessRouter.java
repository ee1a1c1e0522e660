package dev.orderflow.router.it;

import static org.awaitility.Awaitility.await;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.router.buyer.BuyerDirectory;
import dev.orderflow.router.topology.RouterMetrics;
import dev.orderflow.router.topology.RouterStreamsConfig;
import dev.orderflow.router.topology.RouterTopics;
import dev.orderflow.router.topology.RouterTopology;
import dev.orderflow.router.topology.TopologySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/** A topology in Kafka Streams on a real broker, inside the test's JVM, set up as main does. */
public final class InProcessRouter implements AutoCloseable {
  private final KafkaStreams streams;

  private InProcessRouter(
      Topology topology,
      String bootstrap,
      String applicationId,
      Path stateDir,
      RouterTopics topics) {
    Properties props = streamsProperties(bootstrap, applicationId, stateDir, topics);
    streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  /**
   * As NotificationRouterService.streamsProperties builds them: the services' settings from
   * KafkaSettings, the router's guarantees on top; reading a new group's input from the start.
   */
  public static Properties streamsProperties(
      String bootstrap, String applicationId, Path stateDir, RouterTopics topics) {
    Properties props =
        new KafkaSettings(KafkaConfig.plaintext(bootstrap))
            .streams(
                applicationId,
                "it",
                Map.of(
                    StreamsConfig.STATE_DIR_CONFIG,
                    stateDir.toString(),
                    StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG),
                    "earliest"));
    props.putAll(RouterStreamsConfig.properties(Map.of(), topics));
    return props;
  }

  static InProcessRouter start(
      TopologySettings settings,
      RouterTopics topics,
      BuyerDirectory directory,
      MeterRegistry registry,
      String bootstrap,
      String applicationId,
      Path stateDir) {
    Topology topology =
        RouterTopology.build(settings, topics, directory, new RouterMetrics(registry));
    InProcessRouter router =
        new InProcessRouter(topology, bootstrap, applicationId, stateDir, topics);
    router.start();
    return router;
  }

  void start() {
    streams.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> streams.state() == KafkaStreams.State.RUNNING);
  }

  KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(20));
    streams.cleanUp();
  }
}
