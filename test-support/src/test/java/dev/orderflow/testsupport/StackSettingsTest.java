package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {
  private static final Map<String, String> NO_PROPERTIES = Map.of();

  @Test
  void defaultsAreTheLocalStackAddresses() {
    StackSettings settings = StackSettings.from(NO_PROPERTIES::get, Map.of());

    assertThat(settings.registryUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8081/apis/ccompat/v7"));
    assertThat(settings.dynamoDbEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4567"));
    assertThat(settings.secretsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4584"));
    assertThat(settings.metaGraphUrl()).isEqualTo(URI.create("http://127.0.0.1:8090"));
  }

  @Test
  void systemPropertyBeatsEnvironmentVariable() {
    Map<String, String> props = Map.of("META_GRAPH_URL", "http://127.0.0.1:9999");
    StackSettings settings =
        StackSettings.from(props::get, Map.of("META_GRAPH_URL", "http://127.0.0.1:8888"));

    assertThat(settings.metaGraphUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
  }

  @Test
  void configuredBootstrapServersMeanTheRunningStack() {
    StackSettings settings =
        StackSettings.from(NO_PROPERTIES::get, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));

    assertThat(settings.kafkaMode(KafkaMode.AUTO, () -> true)).isEqualTo(KafkaMode.STACK);
  }

  @Test
  void withoutStackDockerIsPreferredOverInProcess() {
    StackSettings settings = StackSettings.from(NO_PROPERTIES::get, Map.of());

    assertThat(settings.kafkaMode(KafkaMode.AUTO, () -> true)).isEqualTo(KafkaMode.CONTAINER);
    assertThat(settings.kafkaMode(KafkaMode.AUTO, () -> false)).isEqualTo(KafkaMode.IN_PROCESS);
  }

  @Test
  void systemPropertyForcesInProcessEvenWhenStackIsConfigured() {
    Map<String, String> props = Map.of("orderflow.test.kafka", "in-process");
    StackSettings settings =
        StackSettings.from(props::get, Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));

    assertThat(settings.kafkaMode(KafkaMode.AUTO, () -> true)).isEqualTo(KafkaMode.IN_PROCESS);
  }

  @Test
  void modePinnedByTheAnnotationWinsOverTheSystemProperty() {
    Map<String, String> props = Map.of("orderflow.test.kafka", "in-process");
    StackSettings settings = StackSettings.from(props::get, Map.of());

    assertThat(settings.kafkaMode(KafkaMode.STACK, () -> false)).isEqualTo(KafkaMode.STACK);
  }

  @Test
  void unknownModeIsRefusedNamingTheProperty() {
    Map<String, String> props = Map.of("orderflow.test.kafka", "cloud");

    assertThatThrownBy(() -> StackSettings.from(props::get, Map.of()))
        .hasMessageContaining("orderflow.test.kafka")
        .hasMessageContaining("in-process");
  }
}
