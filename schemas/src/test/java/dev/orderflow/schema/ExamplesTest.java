package dev.orderflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every contract has an example in schemas/examples/, and every example is valid. */
class ExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    ContractClasses.trustForAvro(); // decode() looks the generated classes up by name
  }

  @Test
  void theJsonIntakeExampleValidatesAgainstTheJsonSchema() throws IOException {
    JsonNode example = JSON.readTree(SchemaFiles.EXAMPLES.resolve("submitted-order.json").toFile());

    assertThat(JsonIntakeSchema.load().validate(example)).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyAvroSchemaHasAnExampleThatDecodesAndRoundTripsThroughBinary() {
    return SchemaFiles.current().entrySet().stream()
        .map(e -> dynamicTest(e.getKey() + ".avro.json decodes", () -> decodesAndRoundTrips(e)));
  }

  @Test
  void theAvroAndJsonIntakeExamplesDescribeTheSameOrder() throws IOException {
    SubmittedOrder avro = decode(SubmittedOrder.getClassSchema(), "SubmittedOrder.avro.json");
    JsonNode json = JSON.readTree(SchemaFiles.EXAMPLES.resolve("submitted-order.json").toFile());

    assertThat(avro.getOrderId()).isEqualTo(json.get("orderId").asText());
    assertThat(avro.getTotalMinor())
        .isEqualTo(json.get("totalMinor").asLong())
        .isEqualTo(138_000_000L);
    assertThat(avro.getSubmittedAt()).isEqualTo(Instant.parse(json.get("submittedAt").asText()));
    assertThat(avro.getItems()).hasSize(json.get("items").size());
    assertThat(
            avro.getItems().stream().mapToLong(i -> i.getQuantity() * i.getUnitPriceMinor()).sum())
        .isEqualTo(avro.getTotalMinor());
  }

  private static void decodesAndRoundTrips(Map.Entry<String, Schema> entry) throws IOException {
    Path example = SchemaFiles.EXAMPLES.resolve(entry.getKey() + ".avro.json");
    assertThat(example).as("example for %s.avsc", entry.getKey()).exists();

    SpecificRecord decoded = decode(entry.getValue(), example.getFileName().toString());

    assertThat(decoded.getClass().getName()).isEqualTo(entry.getValue().getFullName());
    assertThat(throughBinary(decoded)).isEqualTo(decoded);
  }

  static <T extends SpecificRecord> T decode(Schema schema, String exampleFile) throws IOException {
    String text = Files.readString(SchemaFiles.EXAMPLES.resolve(exampleFile));
    SpecificDatumReader<T> reader =
        new SpecificDatumReader<>(schema, schema, SpecificData.getForSchema(schema));
    return reader.read(null, DecoderFactory.get().jsonDecoder(schema, text));
  }

  private static SpecificRecord throughBinary(SpecificRecord record) throws IOException {
    Schema schema = record.getSchema();
    SpecificData model = SpecificData.getForSchema(schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecord>(schema, model).write(record, encoder);
    encoder.flush();
    return new SpecificDatumReader<SpecificRecord>(schema, schema, model)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }
}
