package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.validation.ReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published JSON Schema of a rejection (schemas module, rejection.schema.json) against the
 * rejections the real topology writes, one of each shape: unreadable bytes, a null value, an
 * invalid order with several reasons, an unknown Avro schema id, a duplicate and a conflict.
 */
class RejectionSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode schemaJson;
  private static JsonSchema schema;

  @TempDir Path stateDir;
  private TopologyFixture fixture;

  @BeforeAll
  static void loadPublishedSchema() throws IOException {
    try (InputStream in =
        RejectionSchemaTest.class.getResourceAsStream("/json/rejection.schema.json")) {
      assertThat(in).as("rejection.schema.json on the classpath").isNotNull();
      schemaJson = JSON.readTree(in);
    }
    schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(
                schemaJson, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
  }

  @BeforeEach
  void startDriver() {
    fixture = new TopologyFixture(stateDir);
  }

  @AfterEach
  void closeDriver() {
    fixture.close();
  }

  @Test
  void everyShapeOfRejectionTheTopologyWritesFollowsThePublishedSchema() {
    // Given
    fixture.submit("k-1", "not an order".getBytes(StandardCharsets.UTF_8), "c-1");
    fixture.submit("k-2", null, null);
    ObjectNode invalid = Samples.jsonOrder("vendor-7", "ORD-2");
    invalid.put("currency", "NGX").put("totalMinor", 1);
    fixture.submit("ORD-2", Samples.bytes(invalid), "c-2");
    fixture.submit("ORD-3", Samples.frame(99, new byte[] {2, 4}), "c-3");
    byte[] order = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-4"));
    fixture.submit("ORD-4", order, "c-4");
    fixture.submit("ORD-4", order, "c-5");
    ObjectNode changed = Samples.jsonOrder("vendor-7", "ORD-4");
    changed.put("note", "changed");
    fixture.submit("ORD-4", Samples.bytes(changed), "c-6");

    // When
    List<JsonNode> rejections = new ArrayList<>();
    fixture.rejected.readRecordsToList().forEach(r -> rejections.add(TopologyFixture.json(r)));

    // Then
    assertThat(rejections).hasSize(6);
    assertThat(rejections.stream().map(r -> r.path("kind").asText()))
        .contains("INVALID", "DUPLICATE", "CONFLICT");
    assertThat(rejections)
        .allSatisfy(r -> assertThat(schema.validate(r)).as(r.toString()).isEmpty());
  }

  @Test
  void theSchemaListsExactlyTheReasonCodesOfTheCode() {
    List<String> published = new ArrayList<>();
    schemaJson.at("/$defs/reason/properties/code/enum").forEach(c -> published.add(c.asText()));

    assertThat(published)
        .containsExactlyElementsOf(Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
  }

  @Test
  void aRejectionMissingAReasonIsRefusedByTheSchema() {
    fixture.submit("k-1", "not an order".getBytes(StandardCharsets.UTF_8), "c-1");
    ObjectNode rejection = (ObjectNode) TopologyFixture.json(fixture.rejected.readRecord());
    rejection.putArray("reasons");

    assertThat(schema.validate(rejection)).isNotEmpty();
  }
}
