package dev.orderflow.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import dev.orderflow.schema.SubmittedOrder;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.RecordCollector;
import dev.orderflow.testsupport.TestStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One order-ingest process on the real stack, fed one record per validation rule and per class of
 * bad input, plus a duplicate and a conflicting resubmission. Each submitted record must come out
 * as exactly one outcome, read committed.
 */
@RealStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionOutcomesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VENDOR = "vendor-it";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path workDir;
  private TestStack stack;
  private IngestNames names;
  private KafkaProducer<byte[], byte[]> producer;
  private IngestProcess service;
  private int avroSchemaId;

  /** Submission key → the reason code its rejection must carry. */
  private final Map<String, String> expectedRejections = new LinkedHashMap<>();

  private Map<String, ConsumerRecord<byte[], byte[]>> rejections;
  private Map<String, ConsumerRecord<byte[], byte[]>> created;

  @BeforeAll
  void submitEveryCaseAndCollectOutcomes(TestStack stack) throws Exception {
    this.stack = stack;
    names = IngestNames.of(stack);
    stack.createTopics(3, names.submitted(), names.created(), names.rejected());
    producer = stack.producer();
    avroSchemaId =
        RegistryFixture.register(
            stack.registryUrl(), names.submitted() + "-value", SubmittedOrder.getClassSchema());
    service = IngestProcess.on(stack, names, workDir).start();
    service.awaitReady();

    submit("valid-json", Samples.bytes(order("ORD-JSON", o -> {})), "corr-json");
    submit(
        "valid-avro",
        Samples.confluentFramed(avroSchemaId, Samples.avroOrder(VENDOR, "ORD-AVRO", now())),
        null);
    submitRules();
    submitBadInput();
    producer.flush();
    int expected = 2 + expectedRejections.size();
    collect(expected);
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  private void submitRules() {
    reject("missing-field", "MISSING_FIELD", o -> o.remove("buyerId"));
    reject("invalid-id", "INVALID_ID", o -> o.put("orderId", "ORD 1/2"));
    reject("no-items", "NO_ITEMS", o -> o.putArray("items"));
    reject("too-many-items", "TOO_MANY_ITEMS", SubmissionOutcomesIT::hundredAndOneItems);
    reject("quantity", "QUANTITY_OUT_OF_RANGE", o -> item(o).put("quantity", 10_001));
    reject("fraction", "NOT_AN_INTEGER", o -> item(o).put("quantity", 1.5));
    reject("price", "PRICE_NOT_POSITIVE", o -> item(o).put("unitPriceMinor", 0));
    reject("total", "TOTAL_MISMATCH", o -> o.put("totalMinor", 879_999));
    reject("overflow", "TOTAL_OVERFLOW", o -> item(o).put("unitPriceMinor", Long.MAX_VALUE / 2));
    reject("currency", "INVALID_CURRENCY", o -> o.put("currency", "NAIRA"));
    reject("currency-not-allowed", "CURRENCY_NOT_ALLOWED", o -> o.put("currency", "USD"));
    reject("long-text", "TEXT_TOO_LONG", o -> item(o).put("name", "x".repeat(201)));
    reject("blank-text", "TEXT_EMPTY", o -> item(o).put("name", "   "));
    reject("control", "CONTROL_CHARACTER", o -> item(o).put("name", "Beans\u0000"));
    reject("future", "TIMESTAMP_IN_FUTURE", o -> o.put("submittedAt", at(Duration.ofHours(1))));
    reject("old", "TIMESTAMP_TOO_OLD", o -> o.put("submittedAt", at(Duration.ofDays(-31))));
    reject("bad-time", "INVALID_TIMESTAMP", o -> o.put("submittedAt", "yesterday"));
    reject("unknown-field", "UNKNOWN_FIELD", o -> o.put("discount", 5));
    reject("wrong-type", "WRONG_TYPE", o -> o.put("totalMinor", "880000"));
    byte[] badUtf8 = Samples.bytes(order("ORD-UTF8", o -> item(o).put("name", "Beans")));
    badUtf8[indexOf(badUtf8, "Beans") + 1] = (byte) 0xC3;
    submitRaw("invalid-utf8", badUtf8, "INVALID_UTF8");
  }

  private void submitBadInput() {
    submitRaw("null-value", null, "NULL_VALUE");
    submitRaw("empty", new byte[0], "EMPTY_VALUE");
    submitRaw(
        "garbage",
        new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF},
        "UNRECOGNIZED_FORMAT");
    submitRaw("malformed-json", Samples.utf8("{\"vendorId\": \"v\", "), "MALFORMED_JSON");
    submitRaw("unknown-schema", Samples.frame(987_654, new byte[] {2, 'x'}), "UNKNOWN_SCHEMA_ID");
    submitRaw(
        "avro-garbage",
        Samples.frame(avroSchemaId, new byte[] {(byte) 0xFF, 0x01}),
        "MALFORMED_AVRO");
    byte[] huge = new byte[300 * 1024];
    huge[0] = '{';
    submitRaw("huge", huge, "RECORD_TOO_LARGE");
  }

  private void collect(int expected) {
    List<ConsumerRecord<byte[], byte[]>> createdRecords = stack.drain(names.created(), 2, WAIT);
    List<ConsumerRecord<byte[], byte[]>> rejectedRecords =
        stack.drain(names.rejected(), expected - 2, WAIT);
    created = Outcomes.byKey(createdRecords);
    rejections = Outcomes.byKey(rejectedRecords);
    assertThat(createdRecords.size() + rejectedRecords.size()).isEqualTo(expected);
  }

  @Test
  void validOrdersInBothFormsBecomeOrderCreatedKeyedByOrderId() {
    assertThat(created).containsOnlyKeys(VENDOR + ":ORD-JSON", VENDOR + ":ORD-AVRO");
    ConsumerRecord<byte[], byte[]> json = created.get(VENDOR + ":ORD-JSON");
    GenericRecord order = Outcomes.orderCreated(json.value());
    assertThat(order.get("correlationId").toString()).isEqualTo("corr-json");
    assertThat(header(json, HeaderNames.CORRELATION_ID)).isEqualTo("corr-json");
    GenericRecord item = (GenericRecord) ((List<?>) order.get("items")).get(0);
    assertThat(item.get("name").toString().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(Samples.YORUBA.getBytes(StandardCharsets.UTF_8));
    GenericRecord avro = Outcomes.orderCreated(created.get(VENDOR + ":ORD-AVRO").value());
    assertThat(((GenericRecord) avro.get("submission")).get("schemaId")).isEqualTo(avroSchemaId);
  }

  @Test
  void eachRuleAndEachClassOfBadInputIsRejectedWithItsCode() {
    Map<String, String> actual =
        expectedRejections.keySet().stream()
            .filter(rejections::containsKey)
            .collect(
                Collectors.toMap(
                    key -> key,
                    key -> header(rejections.get(key), HeaderNames.REJECT_REASON),
                    (a, b) -> a,
                    LinkedHashMap::new));

    assertThat(actual).containsOnlyKeys(expectedRejections.keySet());
    expectedRejections.forEach((key, code) -> assertThat(actual.get(key)).as(key).contains(code));
  }

  @Test
  void aRejectionKeepsTheOriginalBytesAndNamesTheDroppedHeaders() throws Exception {
    ConsumerRecord<byte[], byte[]> record = rejections.get("total");
    JsonNode body = JSON.readTree(record.value());

    assertThat(header(record, "vendor-trace")).isNull();
    assertThat(body.at("/droppedHeaders/names/0").asText()).isEqualTo("vendor-trace");
    assertThat(body.get("kind").asText()).isEqualTo("INVALID");
    assertThat(body.at("/reasons/0/field").asText()).isEqualTo("totalMinor");
    byte[] original = Base64.getDecoder().decode(body.at("/original/base64").asText());
    assertThat(JSON.readTree(original).get("totalMinor").asLong()).isEqualTo(879_999L);
  }

  @Test
  void aRepeatIsADuplicateAndChangedContentIsAConflict() throws Exception {
    // Given the JSON order was accepted (collected above), when it is sent twice more
    submit("again", Samples.bytes(order("ORD-JSON", o -> {})), null);
    submit("changed", Samples.bytes(order("ORD-JSON", o -> o.put("buyerId", "buyer-99"))), null);
    producer.flush();

    // Then there is still one OrderCreated, and one DUPLICATE and one CONFLICT rejection
    Map<String, ConsumerRecord<byte[], byte[]>> after =
        Outcomes.byKey(stack.drain(names.rejected(), expectedRejections.size() + 2, WAIT));
    assertThat(header(after.get("again"), HeaderNames.REJECT_REASON))
        .isEqualTo("DUPLICATE_SUBMISSION");
    assertThat(header(after.get("changed"), HeaderNames.REJECT_REASON)).isEqualTo("ORDER_CONFLICT");
    try (RecordCollector createdAfter = stack.collector(names.created())) {
      assertThat(createdAfter.awaitCount(2, WAIT)).hasSize(2);
      assertThat(createdAfter.poll()).hasSize(2);
    }
  }

  @Test
  void theOpsEndpointServesHealthAndMetrics() {
    assertThat(service.status("/health/live")).isEqualTo(200);
    assertThat(service.status("/health/ready")).isEqualTo(200);
    assertThat(service.body("/metrics"))
        .contains("ingest_orders_accepted_total")
        .contains("ingest_rejection_reasons_total{")
        .contains("code=\"TOTAL_MISMATCH\"");
  }

  private ObjectNode order(String orderId, Consumer<ObjectNode> change) {
    ObjectNode order = Samples.jsonOrder(VENDOR, orderId, now());
    change.accept(order);
    return order;
  }

  private void reject(String key, String code, Consumer<ObjectNode> change) {
    submitRaw(key, Samples.bytes(order("ORD-" + key, change)), code);
  }

  private void submitRaw(String key, byte[] value, String code) {
    expectedRejections.put(key, code);
    submit(key, value, null);
  }

  private void submit(String key, byte[] value, String correlationId) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("vendor-trace", ("trace-" + key).getBytes(StandardCharsets.UTF_8));
    if (correlationId != null) {
      headers.add(HeaderNames.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(
        new ProducerRecord<>(
            names.submitted(), null, key.getBytes(StandardCharsets.UTF_8), value, headers));
  }

  private static ObjectNode item(ObjectNode order) {
    return (ObjectNode) order.get("items").get(0);
  }

  private static void hundredAndOneItems(ObjectNode order) {
    var items = order.putArray("items");
    for (int i = 0; i < 101; i++) {
      items
          .addObject()
          .put("sku", "S" + i)
          .put("name", "n")
          .put("quantity", 1)
          .put("unitPriceMinor", 1);
    }
    order.put("totalMinor", 101);
  }

  private static Instant now() {
    return Instant.now();
  }

  private static String at(Duration fromNow) {
    return Instant.now().plus(fromNow).toString();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return Outcomes.header(record, name);
  }

  private static int indexOf(byte[] haystack, String text) {
    byte[] needle = Samples.utf8(text);
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found: " + text);
  }
}
