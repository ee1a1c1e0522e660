package dev.orderflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs in every build of this module: an incompatible change to a contract fails `mvn verify`
 * before any registry sees it.
 */
class SchemaCompatibilityTest {

  @TestFactory
  Stream<DynamicTest> everyCurrentSchemaReadsDataWrittenByEveryEarlierVersion() {
    return SchemaFiles.current().entrySet().stream()
        .map(
            entry ->
                dynamicTest(
                    entry.getKey() + " is backward-transitive compatible with its history",
                    () -> {
                      SortedMap<Integer, Schema> history = SchemaFiles.history(entry.getKey());
                      assertThat(
                              BackwardTransitiveCheck.violations(
                                  entry.getKey(), entry.getValue(), history))
                          .as("incompatibilities of src/main/avro/%s.avsc", entry.getKey())
                          .isEmpty();
                    }));
  }

  @Test
  void everyCurrentSchemaHasARecordedHistoryNumberedFromOneWithoutGaps() {
    for (String name : SchemaFiles.current().keySet()) {
      SortedMap<Integer, Schema> history = SchemaFiles.history(name);
      assertThat(history.keySet())
          .as("versions in history/%s/", name)
          .isNotEmpty()
          .containsExactlyElementsOf(IntStream.rangeClosed(1, history.size()).boxed().toList());
    }
  }

  @Test
  void orderCreatedAndSubmittedOrderAreCheckedAsVersionTwoAgainstVersionOne() {
    // Given: v1 is the contract without the optional note
    for (String name : List.of("OrderCreated", "SubmittedOrder")) {
      SortedMap<Integer, Schema> history = SchemaFiles.history(name);

      // Then: the current schema differs from v1 only by the added note, which v1 lacks
      assertThat(history.keySet()).containsExactly(1);
      assertThat(history.get(1).getField("note")).as("%s v1 note", name).isNull();
      assertThat(SchemaFiles.current().get(name).getField("note").hasDefaultValue()).isTrue();
    }
  }

  @Test
  void aNewRequiredFieldWithoutDefaultIsRejectedNamingSchemaVersionAndField() {
    // Given
    Schema incompatible =
        SchemaFiles.parse(
            new Schema.Parser(), Path.of("src/test/resources/incompatible/OrderCreated.avsc"));

    // When
    List<String> violations =
        BackwardTransitiveCheck.violations(
            "OrderCreated", incompatible, SchemaFiles.history("OrderCreated"));

    // Then
    assertThat(violations)
        .singleElement()
        .asString()
        .contains("OrderCreated", "history/OrderCreated/v1.avsc")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "salesChannel");
  }

  @Test
  void aTypeNarrowedInTheNewSchemaIsRejected() {
    // Given: totalMinor narrowed from long to int
    Schema v1 = SchemaFiles.history("SubmittedOrder").get(1);
    Schema narrowed =
        new Schema.Parser()
            .parse(
                v1.toString()
                    .replace(
                        "\"totalMinor\",\"type\":\"long\"", "\"totalMinor\",\"type\":\"int\""));

    // When
    List<String> violations =
        BackwardTransitiveCheck.violations(
            "SubmittedOrder", narrowed, SchemaFiles.history("SubmittedOrder"));

    // Then
    assertThat(violations)
        .singleElement()
        .asString()
        .contains("TYPE_MISMATCH", "/fields/5/type", "v1");
  }
}
