package dev.orderflow.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.intake.SubmissionParser;
import dev.orderflow.ingest.outcome.RejectionWriter;
import dev.orderflow.ingest.validation.OrderValidator;
import dev.orderflow.ingest.validation.ValidationRules;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmissionFormat;
import dev.orderflow.schema.SubmittedOrder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTopologyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final IngestTopics TOPICS =
      new IngestTopics("orders.submitted.v1", "orders.created.v1", "orders.rejected.v1");

  @TempDir Path stateDir;
  private final MutableClock clock = new MutableClock(Samples.NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> submitted;
  private TestOutputTopic<String, OrderCreated> created;
  private TestOutputTopic<byte[], byte[]> rejected;

  @BeforeEach
  void startDriver() {
    Assessor assessor =
        new Assessor(
            new SubmissionParser(
                id -> id == 1 ? Optional.of(SubmittedOrder.getClassSchema()) : Optional.empty(),
                262_144),
            new OrderValidator(ValidationRules.defaults()));
    IngestParts parts =
        new IngestParts(
            assessor,
            new RejectionWriter(512 * 1024),
            PlainAvroSerde.orderCreated(),
            Duration.ofDays(7),
            clock,
            new IngestMetrics(registry));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-ingest-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(IngestTopology.build(TOPICS, parts), props, Samples.NOW);
    submitted =
        driver.createInputTopic(
            TOPICS.submitted(), new ByteArraySerializer(), new ByteArraySerializer());
    created =
        driver.createOutputTopic(
            TOPICS.created(),
            new StringDeserializer(),
            PlainAvroSerde.orderCreated().deserializer());
    rejected =
        driver.createOutputTopic(
            TOPICS.rejected(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private void submit(String key, byte[] value, String correlationId) {
    RecordHeaders headers = new RecordHeaders();
    if (correlationId != null) {
      headers.add(HeaderNames.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
    }
    headers.add("vendor-trace", "t-1".getBytes(StandardCharsets.UTF_8));
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    submitted.pipeInput(new TestRecord<>(keyBytes, value, headers, clock.instant()));
  }

  private static JsonNode json(TestRecord<byte[], byte[]> record) throws IOException {
    return JSON.readTree(record.value());
  }

  private static String header(TestRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void aValidJsonOrderBecomesOneOrderCreatedKeyedByOrderIdWithItsCorrelationId() {
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), "corr-123");

    TestRecord<String, OrderCreated> record = created.readRecord();
    assertThat(record.key()).isEqualTo("vendor-7:ORD-1");
    assertThat(header(record, HeaderNames.CORRELATION_ID)).isEqualTo("corr-123");
    OrderCreated order = record.value();
    assertThat(order.getCorrelationId()).isEqualTo("corr-123");
    assertThat(order.getItems().get(0).getName()).isEqualTo(Samples.YORUBA);
    assertThat(order.getTotalMinor()).isEqualTo(880_000L);
    assertThat(order.getCreatedAt()).isEqualTo(Samples.NOW);
    assertThat(order.getSubmission().getFormat()).isEqualTo(SubmissionFormat.JSON);
    assertThat(order.getSubmission().getTopic()).isEqualTo(TOPICS.submitted());
    assertThat(order.getSubmission().getOffset()).isZero();
    assertThat(order.getSubmission().getSchemaId()).isNull();
    assertThat(order.getSubmission().getContentHash()).hasSize(64);
    assertThat(created.isEmpty()).isTrue();
    assertThat(rejected.isEmpty()).isTrue();
  }

  @Test
  void anOrderWithoutACorrelationIdGetsANewOneInHeaderAndValue() {
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);

    TestRecord<String, OrderCreated> record = created.readRecord();
    assertThat(record.value().getCorrelationId())
        .matches("[0-9a-f-]{36}")
        .isEqualTo(header(record, HeaderNames.CORRELATION_ID));
  }

  @Test
  void anAvroOrderCarriesItsSchemaId() {
    submit("ORD-1", Samples.confluentFramed(1, Samples.avroOrder("vendor-7", "ORD-1")), "c");

    OrderCreated order = created.readValue();
    assertThat(order.getSubmission().getFormat()).isEqualTo(SubmissionFormat.AVRO);
    assertThat(order.getSubmission().getSchemaId()).isEqualTo(1);
  }

  @Test
  void anInvalidOrderBecomesOneRejectionKeyedLikeTheInputWithEveryReason() throws IOException {
    ObjectNode order = Samples.jsonOrder("vendor-7", "ORD-1");
    order.put("currency", "USD");
    order.put("totalMinor", 1);
    byte[] value = Samples.bytes(order);

    submit("ORD-1", value, "corr-9");

    TestRecord<byte[], byte[]> record = rejected.readRecord();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("ORD-1");
    assertThat(header(record, HeaderNames.REJECT_REASON))
        .isEqualTo("CURRENCY_NOT_ALLOWED,TOTAL_MISMATCH");
    assertThat(header(record, HeaderNames.CORRELATION_ID)).isEqualTo("corr-9");
    assertThat(header(record, "vendor-trace")).isEqualTo("t-1");
    JsonNode rejection = json(record);
    assertThat(rejection.get("kind").asText()).isEqualTo("INVALID");
    assertThat(rejection.get("reasons")).hasSize(2);
    assertThat(Base64.getDecoder().decode(rejection.at("/original/base64").asText()))
        .isEqualTo(value);
    assertThat(created.isEmpty()).isTrue();
  }

  @Test
  void badBytesAreRejectedAndTheNextOrderStillGoesThrough() throws IOException {
    submit(null, null, null);
    submit("x", new byte[0], null);
    submit("x", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00}, null);
    submit("x", Samples.utf8("{\"orderId\": tru"), null);
    submit("x", Samples.frame(77, new byte[] {1, 2, 3}), null);
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);

    List<String> codes =
        rejected.readRecordsToList().stream()
            .map(r -> header(r, HeaderNames.REJECT_REASON))
            .toList();
    assertThat(codes)
        .containsExactly(
            "NULL_VALUE",
            "EMPTY_VALUE",
            "UNRECOGNIZED_FORMAT",
            "MALFORMED_JSON",
            "UNKNOWN_SCHEMA_ID");
    assertThat(created.readKeyValue().key).isEqualTo("vendor-7:ORD-1");
  }

  @Test
  void theSameOrderSentAgainIsADuplicateEvenUnderAnotherKey() throws IOException {
    byte[] order = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    submit("ORD-1", order, "first");
    clock.advance(Duration.ofHours(1));
    submit("some-other-key", order, "second");

    assertThat(created.readRecordsToList()).hasSize(1);
    TestRecord<byte[], byte[]> record = rejected.readRecord();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("some-other-key");
    assertThat(header(record, HeaderNames.REJECT_REASON)).isEqualTo("DUPLICATE_SUBMISSION");
    assertThat(header(record, HeaderNames.CORRELATION_ID)).isEqualTo("second");
    assertThat(record.headers().lastHeader(OutcomeHeaders.SOURCE_KEY)).isNull();
    JsonNode rejection = json(record);
    assertThat(rejection.get("kind").asText()).isEqualTo("DUPLICATE");
    assertThat(rejection.at("/reasons/0/message").asText()).contains("first");
    assertThat(rejection.at("/source/offset").asLong()).isEqualTo(1L);
    assertThat(registry.counter("ingest.orders.rejected", "kind", "DUPLICATE").count())
        .isEqualTo(1.0);
  }

  @Test
  void theSameOrderIdWithOtherContentIsAConflict() throws IOException {
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);
    ObjectNode changed = Samples.jsonOrder("vendor-7", "ORD-1");
    changed.put("buyerId", "buyer-43");
    submit("ORD-1", Samples.bytes(changed), null);

    assertThat(created.readRecordsToList()).hasSize(1);
    JsonNode rejection = json(rejected.readRecord());
    assertThat(rejection.get("kind").asText()).isEqualTo("CONFLICT");
    assertThat(rejection.at("/reasons/0/code").asText()).isEqualTo("ORDER_CONFLICT");
  }

  @Test
  void theSameVendorOrderIdFromAnotherVendorIsANewOrder() {
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-8", "ORD-1")), null);

    assertThat(created.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("vendor-7:ORD-1", "vendor-8:ORD-1");
  }

  @Test
  void anOrderSentAgainAfterTheWindowIsANewOrder() {
    byte[] order = Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1"));
    submit("ORD-1", order, null);
    clock.advance(Duration.ofDays(8));
    ObjectNode again = Samples.jsonOrder("vendor-7", "ORD-1");
    again.put("submittedAt", clock.instant().toString());
    submit("ORD-1", Samples.bytes(again), null);

    assertThat(created.readRecordsToList()).hasSize(2);
    assertThat(rejected.isEmpty()).isTrue();
  }

  @Test
  void acceptedAndRejectedOrdersAreCounted() {
    submit("ORD-1", Samples.bytes(Samples.jsonOrder("vendor-7", "ORD-1")), null);
    submit("x", new byte[0], null);

    assertThat(registry.counter("ingest.orders.accepted", "format", "JSON").count()).isEqualTo(1.0);
    assertThat(registry.counter("ingest.orders.rejected", "kind", "INVALID").count())
        .isEqualTo(1.0);
    assertThat(registry.counter("ingest.rejection.reasons", "code", "EMPTY_VALUE").count())
        .isEqualTo(1.0);
    assertThat(registry.timer("ingest.processing.latency").count()).isEqualTo(2);
  }

  @Test
  void everyNodeOfTheTopologyIsNamed() {
    Topology topology = IngestTopology.build(TOPICS, partsForDescribe());

    assertThat(topology.describe().toString())
        .doesNotContain("KSTREAM-")
        .doesNotContain("KTABLE-")
        .contains("validate", "deduplicate", "by-order-id", "created-orders");
  }

  private IngestParts partsForDescribe() {
    return new IngestParts(
        null, null, PlainAvroSerde.orderCreated(), Duration.ofDays(7), clock, null);
  }
}
