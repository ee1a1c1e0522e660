package dev.orderflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

  @Test
  void everySourceFileIsShippedAndParsesToTheSchemaTheFileSpells() {
    // Given
    Map<String, Schema> shipped = ContractSchemas.all();

    // Then
    Map<String, Schema> files = SchemaFiles.current();
    assertThat(shipped.keySet())
        .containsExactlyInAnyOrderElementsOf(
            files.keySet().stream().map(name -> name + ".avsc").toList());
    files.forEach(
        (name, schema) -> assertThat(shipped.get(name + ".avsc")).as(name).isEqualTo(schema));
  }

  @Test
  void aSchemaUsingASharedTypeIsResolvedAndMatchesItsGeneratedClass() {
    Schema created = ContractSchemas.named("OrderCreated.avsc");

    assertThat(created.getField("items").schema().getElementType().getFullName())
        .isEqualTo("dev.orderflow.schema.LineItem");
    assertThat(created)
        .isEqualTo(SchemaFiles.withoutJavaStringHints(OrderCreated.getClassSchema()));
  }

  @Test
  void anUnknownFileIsRefusedNamingTheFilesThereAre() {
    assertThatThrownBy(() -> ContractSchemas.named("Nope.avsc"))
        .hasMessageContaining("Nope.avsc")
        .hasMessageContaining("OrderCreated.avsc");
  }
}
