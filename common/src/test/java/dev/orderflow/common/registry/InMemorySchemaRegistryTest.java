package dev.orderflow.common.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {
  private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"string\"}");
  private static final Schema V2 =
      record(
          "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
  private static final Schema NEW_REQUIRED_FIELD =
      record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"c\",\"type\":\"int\"}");

  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

  @Test
  void idsAreGlobalAndRegistrationIsIdempotent() {
    int id = registry.register("x-value", V1);

    assertThat(registry.register("x-value", V1)).isEqualTo(id);
    assertThat(registry.register("y-value", V1)).isEqualTo(id);
    assertThat(registry.latest("x-value").version()).isEqualTo(1);
    assertThat(registry.schemaById(id)).isEqualTo(V1);
  }

  @Test
  void backwardCompatibleVersionsAreAcceptedAndIncompatibleOnesRefusedWith409() {
    registry.register("x-value", V1);
    registry.register("x-value", V2);

    assertThat(registry.isCompatible("x-value", NEW_REQUIRED_FIELD)).isFalse();
    assertThatThrownBy(() -> registry.register("x-value", NEW_REQUIRED_FIELD))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
    assertThat(registry.latest("x-value").schema()).isEqualTo(V2);
  }

  @Test
  void levelNoneAcceptsAnything() {
    registry.register("x-value", V1);
    registry.setCompatibility("x-value", CompatibilityLevel.NONE);

    assertThat(registry.isCompatible("x-value", NEW_REQUIRED_FIELD)).isTrue();
  }

  @Test
  void unknownsAre404sWithConfluentErrorCodes() {
    registry.register("x-value", V1);

    assertThatThrownBy(() -> registry.schemaById(99))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> registry.latest("nope-value"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    assertThatThrownBy(() -> registry.idOf("x-value", V2))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  private static Schema record(String fields) {
    return new Schema.Parser()
        .parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }
}
