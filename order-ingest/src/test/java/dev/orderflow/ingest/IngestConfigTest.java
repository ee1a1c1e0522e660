package dev.orderflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.ingest.topology.IngestTopics;
import dev.orderflow.schema.OrderCreated;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void theShippedPropertiesGiveTheDocumentedDefaults() {
    IngestConfig config =
        IngestConfig.from(ConfigSource.load("order-ingest.properties", new String[0], Map.of()));

    assertThat(config.applicationId()).isEqualTo("order-ingest");
    assertThat(config.rules().allowedCurrencies()).containsExactly("NGN");
    assertThat(config.rules().maxRecordBytes()).isEqualTo(256 * 1024);
    assertThat(config.rules().maxFutureSkew()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.rules().maxAge()).isEqualTo(Duration.ofDays(30));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.maxOriginalBytes()).isEqualTo(512 * 1024);
    assertThat(config.maxOutgoingBytes()).isEqualTo(1_000_000);
  }

  @Test
  void theTopicsAreBuiltOnceFromConfigWithTheirDefaultNames() {
    IngestTopics topics =
        IngestTopics.from(
            ConfigSource.of(Map.of(), Map.of("TOPICS_ORDERS_SUBMITTED", "it.orders.submitted.v1")),
            createdSerde());

    assertThat(topics.submitted().name()).isEqualTo("it.orders.submitted.v1");
    assertThat(topics.created().name()).isEqualTo("orders.created.v1");
    assertThat(topics.rejected().name()).isEqualTo("orders.rejected.v1");
  }

  @Test
  void aBadTopicNameIsBadConfigNamingTheKey() {
    ConfigSource source = ConfigSource.of(Map.of("topics.orders-rejected", "no spaces"), Map.of());

    assertThatThrownBy(() -> IngestTopics.from(source, createdSerde()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("topics.orders-rejected: expected a topic name");
  }

  @Test
  void anOutgoingLimitTooSmallForACompactRejectionIsBadConfig() {
    ConfigSource source = ConfigSource.of(Map.of("ingest.max-outgoing-bytes", "4096"), Map.of());

    assertThatThrownBy(() -> IngestConfig.from(source))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.max-outgoing-bytes");
  }

  private static AvroSerde<OrderCreated> createdSerde() {
    return new AvroSerde<>(
        new InMemorySchemaRegistry(),
        AvroSerdeConfig.localStack("http://registry.invalid"),
        OrderCreated.class);
  }

  @Test
  void theShippedDefaultsNameNoAddressButTheLocalProfileNamesTheLocalStack() {
    Map<String, String> local = Map.of("ORDERFLOW_PROFILE", "local");

    assertThatThrownBy(
            () ->
                KafkaConfig.from(
                    ConfigSource.load("order-ingest.properties", new String[0], Map.of())))
        .hasMessageStartingWith("kafka.bootstrap.servers:");
    ConfigSource source = ConfigSource.load("order-ingest.properties", new String[0], local);
    assertThat(KafkaConfig.from(source).bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(RegistryConfig.from(source).url())
        .hasToString("http://127.0.0.1:8081/apis/ccompat/v7");
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    IngestConfig config =
        IngestConfig.from(
            ConfigSource.of(
                Map.of("ingest.currencies", "NGN"),
                Map.of(
                    "INGEST_CURRENCIES", "NGN, GHS",
                    "INGEST_DEDUP_WINDOW", "1d")));

    assertThat(config.rules().allowedCurrencies()).isEqualTo(Set.of("NGN", "GHS"));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void anUnknownCurrencyIsBadConfigNamingTheKey() {
    ConfigSource source = ConfigSource.of(Map.of("ingest.currencies", "NGN,NAIRA"), Map.of());

    assertThatThrownBy(() -> IngestConfig.from(source))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ingest.currencies: expected ISO-4217 codes");
  }

  @Test
  void aDedupWindowUnderAMinuteIsBadConfig() {
    ConfigSource source = ConfigSource.of(Map.of("ingest.dedup-window", "30s"), Map.of());

    assertThatThrownBy(() -> IngestConfig.from(source))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.dedup-window");
  }
}
