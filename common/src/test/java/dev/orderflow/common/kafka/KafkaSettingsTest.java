package dev.orderflow.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.KafkaConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {
  private final KafkaSettings plaintext =
      new KafkaSettings(KafkaConfig.plaintext("127.0.0.1:9092"));

  @Test
  void producerIsIdempotentWithAcksAllAndBoundedTimeouts() {
    Properties props = plaintext.producer("order-ingest");

    assertThat(props)
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("client.id", "order-ingest")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("acks", "all")
        .containsEntry("delivery.timeout.ms", "60000")
        .containsEntry("request.timeout.ms", "15000")
        .containsEntry("max.block.ms", "10000");
    // Kafka's own validation accepts the combination (delivery >= linger + request timeout).
    assertThat(new ProducerConfig(withSerializers(props)).getBoolean("enable.idempotence"))
        .isTrue();
  }

  @Test
  void transactionalProducerCarriesItsTransactionalId() {
    Properties props = plaintext.transactionalProducer("order-ingest", "order-ingest-0");

    assertThat(props)
        .containsEntry("transactional.id", "order-ingest-0")
        .containsEntry("enable.idempotence", "true")
        .containsEntry("transaction.timeout.ms", "30000");
  }

  @Test
  void consumerCommitsManuallyAndReadsCommittedWhenAsked() {
    Properties props =
        plaintext.consumer(
            "whatsapp-sender",
            "whatsapp-sender-1",
            IsolationLevel.READ_COMMITTED,
            OffsetReset.EARLIEST);

    assertThat(props)
        .containsEntry("group.id", "whatsapp-sender")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("auto.offset.reset", "earliest");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    assertThat(new ConsumerConfig(props).getString("isolation.level")).isEqualTo("read_committed");
  }

  @Test
  void consumerGroupsUseTheKip848ProtocolSoARebalanceRevokesOnlyWhatMoves() {
    assertThat(plaintext.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .containsEntry("group.protocol", "consumer");
    KafkaSettings classic =
        new KafkaSettings(
            new KafkaConfig(
                "b:9092",
                Map.of(),
                Map.of(),
                Map.of("group.protocol", "classic"),
                Map.of(),
                Map.of()));
    assertThat(classic.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .as("kafka.consumer.group.protocol=classic, for an older broker")
        .containsEntry("group.protocol", "classic");
  }

  @Test
  void theOffsetResetPolicyIsTheCallersAndNoConsumerOverrideReplacesIt() {
    KafkaSettings settings =
        new KafkaSettings(
            new KafkaConfig(
                "b:9092",
                Map.of(),
                Map.of(),
                Map.of("auto.offset.reset", "latest"),
                Map.of(),
                Map.of()));

    assertThat(settings.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .containsEntry("auto.offset.reset", "earliest");
    assertThat(settings.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.NONE))
        .containsEntry("auto.offset.reset", "none");
  }

  @Test
  void streamsUseExactlyOnceV2ByDefault() {
    Properties props = plaintext.streams("notification-router", "router-1");

    StreamsConfig config = new StreamsConfig(props);
    assertThat(config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(config.getString(StreamsConfig.APPLICATION_ID_CONFIG))
        .isEqualTo("notification-router");
  }

  @Test
  void eachStreamsInstanceHasItsOwnClientIdUnlessConfigNamesOne() {
    KafkaSettings named =
        new KafkaSettings(
            new KafkaConfig(
                "b:9092",
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of("client.id", "router-blue"),
                Map.of()));

    assertThat(plaintext.streams("notification-router", "pod-2"))
        .containsEntry("client.id", "notification-router-pod-2");
    assertThat(named.streams("notification-router", "pod-2"))
        .containsEntry("client.id", "router-blue");
  }

  @Test
  void saslAndSslSettingsReachEveryClient() {
    Map<String, String> security =
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/truststore.p12");
    KafkaSettings settings =
        new KafkaSettings(
            new KafkaConfig("b:9093", security, Map.of(), Map.of(), Map.of(), Map.of()));

    for (Properties props :
        new Properties[] {
          settings.producer("p"),
          settings.consumer("g", "c", IsolationLevel.READ_UNCOMMITTED, OffsetReset.EARLIEST),
          settings.admin("a"),
          settings.streams("s", "s-1")
        }) {
      assertThat(props).containsAllEntriesOf(security);
    }
  }

  @Test
  void aConsumerGroupAssignsRangesPerTopicUnlessItIsAClassicGroup() {
    KafkaSettings classic =
        new KafkaSettings(
            new KafkaConfig(
                "b:9092",
                Map.of(),
                Map.of(),
                Map.of("group.protocol", "classic"),
                Map.of(),
                Map.of()));

    assertThat(plaintext.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .containsEntry("group.remote.assignor", "range");
    assertThat(classic.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .doesNotContainKey("group.remote.assignor");
  }

  @Test
  void configOverridesApplyPerClientButNeverReplaceTheIdentity() {
    KafkaConfig config =
        new KafkaConfig(
            "b:9092",
            Map.of(),
            Map.of("linger.ms", "50", "client.id", "from-config"),
            Map.of("max.poll.records", "100"),
            Map.of("processing.guarantee", "at_least_once"),
            Map.of());
    KafkaSettings settings = new KafkaSettings(config);

    assertThat(settings.producer("mine"))
        .containsEntry("linger.ms", "50")
        .containsEntry("client.id", "mine");
    assertThat(settings.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .containsEntry("max.poll.records", "100");
    assertThat(settings.streams("s", "s-1")).containsEntry("processing.guarantee", "at_least_once");
    assertThat(plaintext.producer("p")).doesNotContainKey("max.poll.records");
  }

  @Test
  void aStreamsApplicationIdOverrideIsHonouredWhenItAgreesAndRefusedWhenNot() {
    KafkaSettings same = streamsOverride(Map.of("application.id", " notification-router "));
    KafkaSettings other = streamsOverride(Map.of("application.id", "someone-else"));

    assertThat(same.streams("notification-router", "router-1"))
        .containsEntry("application.id", "notification-router");
    assertThatThrownBy(() -> other.streams("notification-router", "router-1"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.streams.application.id: expected")
        .hasMessageContaining("notification-router")
        .hasMessageContaining("someone-else");
  }

  private static KafkaSettings streamsOverride(Map<String, String> streams) {
    return new KafkaSettings(
        new KafkaConfig("b:9092", Map.of(), Map.of(), Map.of(), streams, Map.of()));
  }

  @Test
  void clientDefaultsSitAboveOursAndBelowTheConfigOverrides() {
    KafkaSettings settings =
        new KafkaSettings(
            new KafkaConfig(
                "b:9092",
                Map.of(),
                Map.of("linger.ms", "50"),
                Map.of("max.poll.records", "100"),
                Map.of(),
                Map.of()));

    assertThat(settings.producer("bench", Map.of("linger.ms", "5", "max.block.ms", "60000")))
        .as("the config's linger wins, the client's max.block replaces ours")
        .containsEntry("linger.ms", "50")
        .containsEntry("max.block.ms", "60000")
        .containsEntry("acks", "all");
    assertThat(
            settings.reader(
                "ops",
                IsolationLevel.READ_COMMITTED,
                Map.of("max.poll.records", "500", "fetch.max.wait.ms", "50")))
        .containsEntry("max.poll.records", "100")
        .containsEntry("fetch.max.wait.ms", "50")
        .doesNotContainKey("group.id");
    assertThat(
            plaintext.transactionalProducer(
                "ops", "ops-replay", Map.of("transaction.timeout.ms", "60000")))
        .containsEntry("transaction.timeout.ms", "60000")
        .containsEntry("transactional.id", "ops-replay");
    assertThat(plaintext.streams("bench", "1", Map.of("num.stream.threads", "1")))
        .containsEntry("num.stream.threads", "1")
        .containsEntry("processing.guarantee", "exactly_once_v2");
  }

  @Test
  void clientDefaultsMayNotCarryAddressesOrSecurity() {
    for (String key :
        new String[] {
          "bootstrap.servers", "security.protocol", "sasl.mechanism", "ssl.keystore.type"
        }) {
      assertThatThrownBy(() -> plaintext.producer("p", Map.of(key, "x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(key);
    }
  }

  @Test
  void aBlockingBoundIsSetAboveTheConfigOnEveryClient() {
    KafkaSettings settings =
        new KafkaSettings(
                new KafkaConfig(
                    "b:9092",
                    Map.of(),
                    Map.of("max.block.ms", "1"),
                    Map.of("default.api.timeout.ms", "1"),
                    Map.of(),
                    Map.of("default.api.timeout.ms", "1")))
            .blockingAtMost(Duration.ofSeconds(7));

    assertThat(settings.producer("p")).containsEntry("max.block.ms", "7000");
    assertThat(settings.transactionalProducer("p", "t")).containsEntry("max.block.ms", "7000");
    assertThat(settings.reader("r", IsolationLevel.READ_COMMITTED))
        .containsEntry("default.api.timeout.ms", "7000");
    assertThat(settings.consumer("g", "c", IsolationLevel.READ_COMMITTED, OffsetReset.EARLIEST))
        .containsEntry("default.api.timeout.ms", "7000");
    assertThat(settings.admin("a")).containsEntry("default.api.timeout.ms", "7000");
    assertThat(plaintext.admin("a"))
        .as("unbounded: ours")
        .containsEntry("default.api.timeout.ms", "30000");
    assertThatThrownBy(() -> plaintext.blockingAtMost(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transactionalIdIsServiceAndInstanceInLegalCharacters() {
    assertThat(KafkaSettings.transactionalId("order-ingest", "Pod 7/a"))
        .isEqualTo("order-ingest-pod_7_a");
  }

  private static Properties withSerializers(Properties props) {
    Properties copy = new Properties();
    copy.putAll(props);
    copy.put("key.serializer", ByteArraySerializer.class.getName());
    copy.put("value.serializer", ByteArraySerializer.class.getName());
    return copy;
  }
}
