package dev.orderflow.common.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST calls as the Confluent API defines them, against a scripted HTTP server. */
class SchemaRegistryClientTest {
  private static final Schema SCHEMA =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
  private static final String SCHEMA_JSON = "{\"schema\":" + quoted(SCHEMA.toString());

  private final MockWebServer server = new MockWebServer();
  private SchemaRegistryClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    client =
        new SchemaRegistryClient(
            new RegistryClientConfig(
                server.url("/apis/ccompat/v7").toString(), Duration.ofMillis(800)));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void registerPostsTheSchemaToTheSubjectsVersionsAndCachesTheId() throws Exception {
    answer(200, "{\"id\":21}");

    assertThat(client.register("orders.created.v1-value", SCHEMA)).isEqualTo(21);
    assertThat(client.register("orders.created.v1-value", SCHEMA)).isEqualTo(21);

    RecordedRequest request = taken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/apis/ccompat/v7/subjects/orders.created.v1-value/versions");
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(request.getBody().utf8())
        .contains("\"schemaType\":\"AVRO\"")
        .contains(quoted(SCHEMA.toString()));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRegisteredSchemaIsKnownByIdWithoutAskingAgain() {
    answer(200, "{\"id\":21}");

    client.register("s-value", SCHEMA);

    assertThat(client.schemaById(21)).isEqualTo(SCHEMA);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void schemaByIdFetchesOnceAndCachesForGood() throws Exception {
    answer(200, SCHEMA_JSON + "}");

    assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
    assertThat(client.schemaById(7)).isEqualTo(SCHEMA);

    assertThat(taken().getUrl().encodedPath()).isEqualTo("/apis/ccompat/v7/schemas/ids/7");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownIdIsA404CarryingTheRegistryErrorCode() {
    answer(404, "{\"error_code\":40403,\"message\":\"Schema 999 not found.\"}");

    assertThatThrownBy(() -> client.schemaById(999))
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
    answer(200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

    assertThatThrownBy(() -> client.schemaById(3))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("PROTOBUF, not AVRO");
  }

  @Test
  void idOfLooksTheSchemaUpInTheSubject() throws Exception {
    answer(
        200, "{\"subject\":\"s-value\",\"version\":2,\"id\":9," + SCHEMA_JSON.substring(1) + "}");

    assertThat(client.idOf("s-value", SCHEMA)).isEqualTo(9);

    RecordedRequest request = taken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/ccompat/v7/subjects/s-value");
  }

  @Test
  void latestReadsIdVersionAndSchema() {
    answer(
        200, "{\"subject\":\"s-value\",\"version\":3,\"id\":12," + SCHEMA_JSON.substring(1) + "}");

    assertThat(client.latest("s-value")).isEqualTo(new RegisteredSchema("s-value", 12, 3, SCHEMA));
  }

  @Test
  void compatibilityIsAskedAgainstTheLatestVersionEveryTime() throws Exception {
    answer(200, "{\"is_compatible\":false}");
    answer(200, "{\"is_compatible\":true}");

    assertThat(client.isCompatible("s-value", SCHEMA)).isFalse();
    assertThat(client.isCompatible("s-value", SCHEMA)).isTrue();

    assertThat(taken().getUrl().encodedPath())
        .isEqualTo("/apis/ccompat/v7/compatibility/subjects/s-value/versions/latest");
  }

  @Test
  void aSubjectWithNoVersionsIsCompatibleWithAnything() {
    answer(404, "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}");

    assertThat(client.isCompatible("s-value", SCHEMA)).isTrue();
  }

  @Test
  void setCompatibilityPutsTheLevelToTheSubjectsConfig() throws Exception {
    answer(200, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

    client.setCompatibility("s-value", CompatibilityLevel.BACKWARD_TRANSITIVE);

    RecordedRequest request = taken();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/ccompat/v7/config/s-value");
    assertThat(request.getBody().utf8()).isEqualTo("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
  }

  @Test
  void aSubjectIsOnePathSegmentWhateverItContains() throws Exception {
    answer(200, "{\"id\":1}");

    client.register("odd/subject name", SCHEMA);

    assertThat(taken().getUrl().encodedPath())
        .isEqualTo("/apis/ccompat/v7/subjects/odd%2Fsubject%20name/versions");
  }

  @Test
  void anIncompatibleRegistrationIsA409WithTheRegistrysMessage() {
    answer(409, "{\"error_code\":409,\"message\":\"Incompatible artifact: s-value [AVRO]\"}");

    assertThatThrownBy(() -> client.register("s-value", SCHEMA))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("Incompatible artifact");
  }

  @Test
  void aServerErrorWithoutJsonKeepsTheRawBodyAndIsTransient() {
    answer(503, "<html>Service Unavailable</html>");

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("503")
        .hasMessageContaining("<html>Service Unavailable</html>");
  }

  @Test
  void aRegistryThatNeverAnswersFailsWithinTheTimeout() {
    server.enqueue(
        new MockResponse.Builder().body("{\"id\":1}").headersDelay(5, TimeUnit.SECONDS).build());
    long started = System.nanoTime();

    assertThatThrownBy(() -> client.register("slow-value", SCHEMA))
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

  private void answer(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  private RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(2, TimeUnit.SECONDS);
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
