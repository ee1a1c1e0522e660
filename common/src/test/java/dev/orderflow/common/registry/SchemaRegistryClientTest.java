package dev.orderflow.common.registry;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.RecordedRequest;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST calls as the Confluent API defines them, against a scripted HTTP server. */
class SchemaRegistryClientTest {
  private static final Schema SCHEMA = ScriptedRegistry.SCHEMA;
  private static final String SCHEMA_JSON = ScriptedRegistry.SCHEMA_JSON;

  private final ScriptedRegistry registry = ScriptedRegistry.start();

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void registerPostsTheSchemaToTheSubjectsVersionsAndCachesTheId() throws Exception {
    registry.answer(200, "{\"id\":21}");

    assertThat(registry.client.register("orders.created.v1-value", SCHEMA)).isEqualTo(21);
    assertThat(registry.client.register("orders.created.v1-value", SCHEMA)).isEqualTo(21);

    RecordedRequest request = registry.taken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/apis/ccompat/v7/subjects/orders.created.v1-value/versions");
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(request.getBody().utf8())
        .contains("\"schemaType\":\"AVRO\"")
        .contains(quoted(SCHEMA.toString()));
    assertThat(registry.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRegisteredSchemaIsKnownByIdWithoutAskingAgain() {
    registry.answer(200, "{\"id\":21}");

    registry.client.register("s-value", SCHEMA);

    assertThat(registry.client.schemaById(21)).isEqualTo(SCHEMA);
    assertThat(registry.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void schemaByIdFetchesOnceAndCachesForGood() throws Exception {
    registry.answer(200, SCHEMA_JSON + "}");

    assertThat(registry.client.schemaById(7)).isEqualTo(SCHEMA);
    assertThat(registry.client.schemaById(7)).isEqualTo(SCHEMA);

    assertThat(registry.taken().getUrl().encodedPath()).isEqualTo("/apis/ccompat/v7/schemas/ids/7");
    assertThat(registry.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void idOfLooksTheSchemaUpInTheSubject() throws Exception {
    registry.answer(
        200, "{\"subject\":\"s-value\",\"version\":2,\"id\":9," + SCHEMA_JSON.substring(1) + "}");

    assertThat(registry.client.idOf("s-value", SCHEMA)).isEqualTo(9);

    RecordedRequest request = registry.taken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/ccompat/v7/subjects/s-value");
  }

  @Test
  void latestReadsIdVersionAndSchema() {
    registry.answer(
        200, "{\"subject\":\"s-value\",\"version\":3,\"id\":12," + SCHEMA_JSON.substring(1) + "}");

    assertThat(registry.client.latest("s-value"))
        .isEqualTo(new RegisteredSchema("s-value", 12, 3, SCHEMA));
  }

  @Test
  void compatibilityIsAskedAgainstTheLatestVersionEveryTime() throws Exception {
    registry.answer(200, "{\"is_compatible\":false}");
    registry.answer(200, "{\"is_compatible\":true}");

    assertThat(registry.client.isCompatible("s-value", SCHEMA)).isFalse();
    assertThat(registry.client.isCompatible("s-value", SCHEMA)).isTrue();

    assertThat(registry.taken().getUrl().encodedPath())
        .isEqualTo("/apis/ccompat/v7/compatibility/subjects/s-value/versions/latest");
  }

  @Test
  void setCompatibilityPutsTheLevelToTheSubjectsConfig() throws Exception {
    registry.answer(200, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");

    registry.client.setCompatibility("s-value", CompatibilityLevel.BACKWARD_TRANSITIVE);

    RecordedRequest request = registry.taken();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/apis/ccompat/v7/config/s-value");
    assertThat(request.getBody().utf8()).isEqualTo("{\"compatibility\":\"BACKWARD_TRANSITIVE\"}");
  }

  @Test
  void aSubjectIsOnePathSegmentWhateverItContains() throws Exception {
    registry.answer(200, "{\"id\":1}");

    registry.client.register("odd/subject name", SCHEMA);

    assertThat(registry.taken().getUrl().encodedPath())
        .isEqualTo("/apis/ccompat/v7/subjects/odd%2Fsubject%20name/versions");
  }

  @Test
  void confluentsRootUrlWorksAsWellAsApicuriosPrefixedOne() throws Exception {
    registry.answer(200, SCHEMA_JSON + "}");

    try (SchemaRegistryClient confluent =
        new SchemaRegistryClient(registry.server.url("/").toString())) {
      assertThat(confluent.schemaById(7)).isEqualTo(SCHEMA);
    }

    assertThat(registry.taken().getUrl().encodedPath()).isEqualTo("/schemas/ids/7");
  }

  private static String quoted(String text) {
    return ScriptedRegistry.quoted(text);
  }
}
