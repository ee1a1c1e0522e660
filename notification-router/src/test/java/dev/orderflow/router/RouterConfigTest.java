package dev.orderflow.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.router.route.Channel;
import dev.orderflow.router.topology.RouterTopics;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterConfigTest {
  private final Map<String, String> props = Fixtures.requiredConfig();

  @Test
  void theDefaultsAreTheDesignsTopicsAndShortUnknownCaching() {
    RouterConfig config = RouterConfig.from(ConfigSource.of(props, Map.of()));

    RouterTopics topics = topics(ConfigSource.of(props, Map.of()));
    assertThat(topics.ordersCreated().name()).isEqualTo("orders.created.v1");
    assertThat(topics.platform(Channel.WHATSAPP).name()).isEqualTo("notify.whatsapp.v1");
    assertThat(topics.deadLetters().name()).isEqualTo("notification-router.dlq.v1");
    assertThat(config.cache().unknownTtl()).isLessThan(config.cache().foundTtl());
    assertThat(config.buyersTable()).isEqualTo("buyers");
  }

  @Test
  void theShippedDefaultsNameNoAddressButTheLocalProfileNamesTheLocalStack() {
    String[] noArgs = {};
    ConfigSource shipped = ConfigSource.load("notification-router.properties", noArgs, Map.of());
    ConfigSource local =
        ConfigSource.load(
            "notification-router.properties", new String[] {"--profile", "local"}, Map.of());

    assertThatThrownBy(() -> RouterConfig.from(shipped))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.bootstrap.servers:");
    RouterConfig config = RouterConfig.from(local);
    assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.aws().dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
  }

  @Test
  void theEnvironmentOverridesTopicsAndTimings() {
    Map<String, String> env =
        Map.of(
            "TOPICS_NOTIFY_INSTAGRAM", "ig.out",
            "BUYERS_RECHECK_DELAY", "750ms",
            "WHATSAPP_TEMPLATE_LANGUAGES", "en:en_US, pcm:en_GB");

    RouterConfig config = RouterConfig.from(ConfigSource.of(props, env));

    assertThat(topics(ConfigSource.of(props, env)).platform(Channel.INSTAGRAM).name())
        .isEqualTo("ig.out");
    assertThat(config.topology().recheck().delay()).isEqualTo(Duration.ofMillis(750));
    assertThat(config.topology().render().templateLanguages())
        .containsEntry("en", "en_US")
        .containsEntry("pcm", "en_GB");
  }

  @Test
  void aMalformedLanguageMappingNamesTheKey() {
    props.put("whatsapp.template.languages", "en=en");

    assertThatThrownBy(() -> RouterConfig.from(ConfigSource.of(props, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("whatsapp.template.languages: expected");
  }

  @Test
  void retriesThatWouldStallAStreamThreadAreRefused() {
    props.put("buyers.retry.max-attempts", "20");
    props.put("buyers.retry.max-backoff", "30s");

    assertThatThrownBy(() -> RouterConfig.from(ConfigSource.of(props, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("buyers.retry")
        .hasMessageContaining("block a stream thread");
  }

  @Test
  void aBadDurationNamesItsKey() {
    props.put("buyers.cache.unknown-ttl", "soon");

    assertThatThrownBy(() -> RouterConfig.from(ConfigSource.of(props, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("buyers.cache.unknown-ttl: expected");
  }

  @Test
  void lookUpBatchingIsConfigurableAndBoundedByWhatBatchGetItemTakes() {
    props.put("buyers.batch.max-size", "40");
    props.put("buyers.batch.linger", "5ms");
    props.put("buyers.recheck.batch-size", "25");

    RouterConfig config = RouterConfig.from(ConfigSource.of(props, Map.of()));

    assertThat(config.topology().batch().maxOrders()).isEqualTo(40);
    assertThat(config.topology().batch().linger()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.topology().batch().recheckMaxOrders()).isEqualTo(25);
    props.put("buyers.batch.max-size", "101");
    assertThatThrownBy(() -> RouterConfig.from(ConfigSource.of(props, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("buyers.batch.max-size: expected");
  }

  @Test
  void streamThreadsComeFromEitherKeyAndDisagreeingKeysAreRefused() {
    assertThat(RouterConfig.from(ConfigSource.of(props, Map.of())).streamThreads()).isEqualTo(1);
    props.put("kafka.streams.num.stream.threads", "3");
    assertThat(RouterConfig.from(ConfigSource.of(props, Map.of())).streamThreads()).isEqualTo(3);
    props.put("router.stream-threads", "3");
    assertThat(RouterConfig.from(ConfigSource.of(props, Map.of())).streamThreads()).isEqualTo(3);

    props.put("router.stream-threads", "2");
    assertThatThrownBy(() -> RouterConfig.from(ConfigSource.of(props, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.streams.num.stream.threads: expected")
        .hasMessageContaining("router.stream-threads (2)");
  }

  @Test
  void aStreamsOverrideOfWhatTheRouterImposesIsRefusedNotReplaced() {
    props.put("kafka.streams.processing.guarantee", "exactly_once_v2");
    assertThat(RouterConfig.from(ConfigSource.of(props, Map.of())).applicationId())
        .isEqualTo("notification-router");

    props.put("kafka.streams.processing.guarantee", "at_least_once");
    assertThatThrownBy(() -> RouterConfig.from(ConfigSource.of(props, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.streams.processing.guarantee: expected exactly_once_v2")
        .hasMessageContaining("'at_least_once'");
  }

  /** The topics as the service builds them from the same config (serdes over no registry). */
  private static RouterTopics topics(ConfigSource source) {
    return RouterTopics.from(
        source,
        new InMemorySchemaRegistry(),
        AvroSerdeConfig.from(RouterConfig.from(source).registry()));
  }
}
