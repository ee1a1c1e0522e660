package dev.orderflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.validation.OrderValidator;
import dev.orderflow.ingest.validation.ValidationRules;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service and the JSON Schema vendors validate against (schemas module) must agree: what the
 * schema forbids, the service refuses too. The service is stricter where a schema cannot say it
 * (the total, ISO currency codes, time limits, control characters).
 */
class PublishedSchemaAgreementTest {
  private static JsonSchema published;
  private final Assessor assessor =
      new Assessor(
          new SubmissionParser(id -> Optional.empty(), 262_144),
          new OrderValidator(ValidationRules.defaults()));

  @BeforeAll
  static void loadPublishedSchema() throws IOException {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in =
        PublishedSchemaAgreementTest.class.getResourceAsStream(
            "/json/submitted-order.schema.json")) {
      assertThat(in).as("submitted-order.schema.json on the classpath").isNotNull();
      published =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    }
  }

  static Stream<Arguments> forbiddenBySchema() {
    return Stream.of(
        violation("no buyerId", o -> o.remove("buyerId")),
        violation("an id with a space", o -> o.put("orderId", "ORD 1")),
        violation("no items", o -> o.putArray("items")),
        violation("a quantity above 10000", o -> item(o).put("quantity", 10_001)),
        violation("a price of zero", o -> item(o).put("unitPriceMinor", 0)),
        violation("a total as a string", o -> o.put("totalMinor", "880000")),
        violation("an unknown field", o -> o.put("discount", 5)),
        violation("a lower-case currency", o -> o.put("currency", "ngn")),
        violation("a 201-character name", o -> item(o).put("name", "n".repeat(201))),
        violation("a 501-character note", o -> o.put("note", "n".repeat(501))),
        violation("a sku with a slash", o -> item(o).put("sku", "A/B")),
        violation("a date that is no date-time", o -> o.put("submittedAt", "yesterday")));
  }

  @Test
  void theSampleOrderIsValidForBoth() {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");

    assertThat(published.validate(order)).isEmpty();
    assertThat(assessor.assess(Samples.bytes(order), Samples.NOW))
        .isInstanceOf(Assessment.Accepted.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenBySchema")
  void whatTheSchemaForbidsTheServiceRefuses(String what, ObjectNode order) {
    assertThat(published.validate(order)).as("schema violations").isNotEmpty();
    assertThat(assessor.assess(Samples.bytes(order), Samples.NOW))
        .isInstanceOf(Assessment.Refused.class);
  }

  private static Arguments violation(String what, Consumer<ObjectNode> change) {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");
    change.accept(order);
    return Arguments.of(what, order);
  }

  private static ObjectNode item(ObjectNode order) {
    return (ObjectNode) order.get("items").get(0);
  }
}
