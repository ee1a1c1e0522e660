package dev.orderflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.registry.RegistryClientConfig;
import dev.orderflow.schema.OrderCreated;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {
  private static final String URL = "http://127.0.0.1:8081/apis/ccompat/v7";

  @Test
  void aPropertyMapGivesUrlAutoRegisterTimeoutAndSubjectKind() {
    AvroSerdeConfig config =
        AvroSerdeConfig.fromMap(
            Map.of(
                "schema.registry.url",
                URL,
                "auto.register.schemas",
                "true",
                "schema.registry.timeout.ms",
                "1500"),
            true);

    assertThat(config).isEqualTo(new AvroSerdeConfig(URL, true, Duration.ofMillis(1500), true));
    assertThat(config.subject("orders.created.v1")).isEqualTo("orders.created.v1-key");
  }

  @Test
  void aServiceRegistryConfigGivesValuesWithItsUrlAndAutoRegister() {
    AvroSerdeConfig config =
        AvroSerdeConfig.from(new RegistryConfig(java.net.URI.create(URL), true));

    assertThat(config)
        .isEqualTo(new AvroSerdeConfig(URL, true, RegistryClientConfig.DEFAULT_TIMEOUT, false));
    assertThat(config.subject("orders.created.v1")).isEqualTo("orders.created.v1-value");
  }

  @Test
  void autoRegisterIsOffUnlessAskedFor() {
    assertThat(AvroSerdeConfig.fromMap(Map.of("schema.registry.url", URL), false).autoRegister())
        .isFalse();
    assertThat(AvroSerdeConfig.localStack(URL).autoRegister()).isTrue();
    assertThat(AvroSerdeConfig.production(URL).autoRegister()).isFalse();
  }

  @Test
  void aMissingUrlNamesTheKeyAndTheExpectedForm() {
    assertThatThrownBy(() -> AvroSerdeConfig.fromMap(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url")
        .hasMessageContaining("http://127.0.0.1:8081/apis/ccompat/v7");
  }

  @Test
  void aBadBooleanOrTimeoutNamesTheKey() {
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.fromMap(
                    Map.of("schema.registry.url", URL, "auto.register.schemas", "yes"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auto.register.schemas")
        .hasMessageContaining("true or false");
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.fromMap(
                    Map.of("schema.registry.url", URL, "schema.registry.timeout.ms", "-5"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.timeout.ms");
  }

  @Test
  void theSpecificTypeMayBeAClassOrItsName() {
    assertThat(
            AvroSerdeConfig.specificType(
                Map.of("specific.avro.value.type", OrderCreated.class), false))
        .isEqualTo(OrderCreated.class);
    assertThat(
            AvroSerdeConfig.specificType(
                Map.of("specific.avro.key.type", "dev.orderflow.schema.OrderCreated"), true))
        .isEqualTo(OrderCreated.class);
    assertThat(AvroSerdeConfig.specificType(Map.of(), false)).isNull();
    assertThatThrownBy(
            () ->
                AvroSerdeConfig.specificType(
                    Map.of("specific.avro.value.type", "no.such.Type"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("specific.avro.value.type");
  }

  @Test
  @SuppressWarnings("unchecked") // the point: a class that the generics would not let through
  void aDeserializerRefusesAClassThatIsNotGenerated() {
    Class<OrderCreated> notGenerated = (Class<OrderCreated>) (Class<?>) String.class;

    assertThatThrownBy(() -> new AvroDeserializer<>(new InMemorySchemaRegistry(), notGenerated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generated from an .avsc")
        .hasMessageContaining("java.lang.String");
  }
}
