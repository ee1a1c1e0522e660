package dev.orderflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class GeneratedClassesTest {

  @Test
  void everyCurrentSchemaHasAGeneratedSpecificRecordCarryingExactlyThatSchema() throws Exception {
    for (Map.Entry<String, Schema> entry : SchemaFiles.current().entrySet()) {
      Class<?> generated = Class.forName("dev.orderflow.schema." + entry.getKey());

      assertThat(generated).isAssignableTo(SpecificRecord.class);
      assertThat(SchemaFiles.withoutJavaStringHints(SpecificData.get().getSchema(generated)))
          .as("schema compiled into %s", generated.getName())
          .isEqualTo(entry.getValue());
    }
  }

  @Test
  void timestampsAreInstantsMoneyIsLongAndTextIsJavaString() throws Exception {
    // The pom's generator settings are part of the contract every service codes against.
    assertThat(OrderCreated.class.getMethod("getCreatedAt").getReturnType())
        .isEqualTo(Instant.class);
    assertThat(SubmittedOrder.class.getMethod("getSubmittedAt").getReturnType())
        .isEqualTo(Instant.class);
    assertThat(LineItem.class.getMethod("getUnitPriceMinor").getReturnType()).isEqualTo(long.class);
    assertThat(OrderCreated.class.getMethod("getTotalMinor").getReturnType()).isEqualTo(long.class);
    assertThat(NotificationRequested.class.getMethod("getRecipient").getReturnType())
        .isEqualTo(String.class);
  }
}
