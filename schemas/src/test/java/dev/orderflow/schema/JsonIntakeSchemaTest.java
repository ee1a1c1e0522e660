package dev.orderflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bounds of the JSON intake contract: each broken variant of the example is refused. */
class JsonIntakeSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonIntakeSchema SCHEMA = JsonIntakeSchema.load();

  static Stream<Arguments> brokenOrders() {
    return Stream.of(
        broken(
            "a fractional price",
            "/items/0/unitPriceMinor",
            o -> item(o).put("unitPriceMinor", 1200000.5)),
        broken("a zero price", "/items/0/unitPriceMinor", o -> item(o).put("unitPriceMinor", 0)),
        broken("a zero quantity", "/items/0/quantity", o -> item(o).put("quantity", 0)),
        broken("a quantity over 10000", "/items/0/quantity", o -> item(o).put("quantity", 10001)),
        broken("a lower-case currency", "/currency", o -> o.put("currency", "ngn")),
        broken("a space in an id", "/vendorId", o -> o.put("vendorId", "vendor lagos")),
        broken("a 65-character id", "/orderId", o -> o.put("orderId", "x".repeat(65))),
        broken("no items", "/items", o -> o.putArray("items")),
        broken("101 items", "/items", JsonIntakeSchemaTest::hundredAndOneItems),
        broken("a 501-character note", "/note", o -> o.put("note", "n".repeat(501))),
        broken(
            "a date that is not RFC 3339",
            "/submittedAt",
            o -> o.put("submittedAt", "26/11/2025 09:15")),
        broken("a missing total", "totalMinor", o -> o.remove("totalMinor")),
        broken("an unknown property", "totalNaira", o -> o.put("totalNaira", 1380000)));
  }

  @ParameterizedTest(name = "an order with {0} is refused at {1}")
  @MethodSource("brokenOrders")
  void anOrderOutsideTheContractIsRefusedNamingTheOffendingProperty(
      String what, String location, Consumer<ObjectNode> breakIt) throws IOException {
    // Given
    ObjectNode order =
        (ObjectNode) JSON.readTree(SchemaFiles.EXAMPLES.resolve("submitted-order.json").toFile());
    breakIt.accept(order);

    // When / Then
    assertThat(SCHEMA.validate(order))
        .isNotEmpty()
        .anySatisfy(message -> assertThat(message).contains(location));
  }

  private static Arguments broken(String what, String location, Consumer<ObjectNode> breakIt) {
    return Arguments.of(what, location, breakIt);
  }

  private static ObjectNode item(ObjectNode order) {
    return (ObjectNode) order.get("items").get(0);
  }

  private static void hundredAndOneItems(ObjectNode order) {
    ArrayNode items = (ArrayNode) order.get("items");
    ObjectNode first = item(order);
    while (items.size() < 101) {
      items.add(first.deepCopy());
    }
  }
}
