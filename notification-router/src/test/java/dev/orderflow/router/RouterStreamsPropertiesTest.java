package dev.orderflow.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.topology.RouterTopics;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Streams settings the service hands Kafka Streams: overrides honoured or refused. */
class RouterStreamsPropertiesTest {
  private final Map<String, String> props = Fixtures.requiredConfig();

  @Test
  void eachInstanceGetsItsOwnClientIdUnlessConfigNamesOne() {
    assertThat(streams().getProperty(StreamsConfig.CLIENT_ID_CONFIG))
        .isEqualTo("notification-router-pod-7");

    props.put("kafka.streams.client.id", "router-blue");

    assertThat(streams().getProperty(StreamsConfig.CLIENT_ID_CONFIG)).isEqualTo("router-blue");
  }

  @Test
  void streamsOverridesThatTheRouterDoesNotImposeReachStreams() {
    props.put("kafka.streams.commit.interval.ms", "250");
    props.put("topics.dead-letters", "router.dead.v2");

    Properties streams = streams();

    assertThat(streams.get("commit.interval.ms")).isEqualTo("250");
    assertThat(streams.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("router.dead.v2");
    assertThat(streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void anApplicationIdOverrideThatDisagreesWithTheRoutersKeyIsRefused() {
    props.put("router.application-id", "router-a");
    props.put("kafka.streams.application.id", "router-a");
    assertThat(streams().get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("router-a");

    props.put("kafka.streams.application.id", "router-b");
    assertThatThrownBy(this::streams)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.streams.application.id: expected")
        .hasMessageContaining("router-a");
  }

  private Properties streams() {
    ConfigSource source = ConfigSource.of(props, Map.of());
    RouterConfig config = RouterConfig.from(source);
    RouterTopics topics =
        RouterTopics.from(
            source, new InMemorySchemaRegistry(), AvroSerdeConfig.from(config.registry()));
    return NotificationRouterService.streamsProperties(config, topics, "pod-7");
  }
}
