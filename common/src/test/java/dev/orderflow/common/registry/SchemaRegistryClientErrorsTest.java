package dev.orderflow.common.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every registry answer the caller cannot use becomes a SchemaRegistryException that says why. */
class SchemaRegistryClientErrorsTest {
  private static final Schema SCHEMA = ScriptedRegistry.SCHEMA;

  private final ScriptedRegistry registry = ScriptedRegistry.start();

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void anUnknownIdIsA404CarryingTheRegistryErrorCode() {
    registry.answer(404, "{\"error_code\":40403,\"message\":\"Schema 999 not found.\"}");

    assertThatThrownBy(() -> registry.client.schemaById(999))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.isTransient()).isFalse();
            })
        .hasMessageContaining("GET http://")
        .hasMessageContaining(
            "/schemas/ids/999 answered 404 (error_code 40403): Schema 999 not found.");
  }

  @Test
  void aSchemaOfAnotherTypeIsRefusedRatherThanMisread() {
    registry.answer(200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

    assertThatThrownBy(() -> registry.client.schemaById(3))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("PROTOBUF, not AVRO");
  }

  @Test
  void aSubjectWithNoVersionsIsCompatibleWithAnything() {
    registry.answer(404, "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}");

    assertThat(registry.client.isCompatible("s-value", SCHEMA)).isTrue();
  }

  @Test
  void anIncompatibleRegistrationIsA409WithTheRegistrysMessage() {
    registry.answer(
        409, "{\"error_code\":409,\"message\":\"Incompatible artifact: s-value [AVRO]\"}");

    assertThatThrownBy(() -> registry.client.register("s-value", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("Incompatible artifact");
  }

  @Test
  void aServerErrorWithoutJsonKeepsTheRawBodyAndIsTransient() {
    registry.answer(503, "<html>Service Unavailable</html>");

    assertThatThrownBy(() -> registry.client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("503")
        .hasMessageContaining("<html>Service Unavailable</html>");
  }

  @Test
  void aRegistryThatNeverAnswersFailsWithinTheTimeout() {
    registry.server.enqueue(
        new MockResponse.Builder().body("{\"id\":1}").headersDelay(5, TimeUnit.SECONDS).build());
    long started = System.nanoTime();

    assertThatThrownBy(() -> registry.client.register("slow-value", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE))
        .hasMessageContaining("got no usable response");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRegistryThatIsNotListeningFailsAsNoResponse() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (SchemaRegistryClient nowhere =
        new SchemaRegistryClient("http://127.0.0.1:" + closedPort)) {
      assertThatThrownBy(() -> nowhere.schemaById(1))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class, e -> assertThat(e.isTransient()).isTrue());
    }
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedAtConstruction() {
    assertThatThrownBy(() -> RegistryClientConfig.of("127.0.0.1:8081"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL")
        .hasMessageContaining("'127.0.0.1:8081'");
  }
}
