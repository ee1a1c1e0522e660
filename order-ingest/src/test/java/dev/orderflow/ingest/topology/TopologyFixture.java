package dev.orderflow.ingest.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.registry.InMemorySchemaRegistry;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.ingest.Samples;
import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.intake.SubmissionParser;
import dev.orderflow.ingest.intake.WriterSchemas;
import dev.orderflow.ingest.outcome.RejectionWriter;
import dev.orderflow.ingest.validation.OrderValidator;
import dev.orderflow.ingest.validation.ValidationRules;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.SubmittedOrder;
import dev.orderflow.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology in a TopologyTestDriver with a hand-moved clock, a registry that knows schema id 1
 * (SubmittedOrder), and a 7-day dedup window.
 */
final class TopologyFixture implements AutoCloseable {
  static final AvroSerde<OrderCreated> CREATED_SERDE =
      new AvroSerde<>(
          new InMemorySchemaRegistry(),
          AvroSerdeConfig.localStack("http://registry.invalid"),
          OrderCreated.class);

  /** Schema id 1 is SubmittedOrder; every other id is unknown. */
  static final WriterSchemas SCHEMA_ONE =
      id -> id == 1 ? Optional.of(SubmittedOrder.getClassSchema()) : Optional.empty();

  static final IngestTopics TOPICS =
      IngestTopics.from(ConfigSource.of(Map.of(), Map.of()), CREATED_SERDE);
  static final int MAX_OUTGOING_BYTES = 1_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock = new MutableClock(Samples.NOW);
  final UndeliverableOutcomes undeliverable = new UndeliverableOutcomes();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final TestOutputTopic<String, OrderCreated> created;
  final TestOutputTopic<byte[], byte[]> rejected;

  /** The created topic read as bytes; reading it consumes what {@link #created} would read. */
  final TestOutputTopic<byte[], byte[]> createdRaw;

  private final TopologyTestDriver driver;
  private final TestInputTopic<byte[], byte[]> submitted;

  private final WriterSchemas writerSchemas;
  private final int maxOutgoingBytes;

  TopologyFixture(Path stateDir) {
    this(stateDir, SCHEMA_ONE);
  }

  TopologyFixture(Path stateDir, WriterSchemas writerSchemas) {
    this(stateDir, writerSchemas, MAX_OUTGOING_BYTES);
  }

  TopologyFixture(Path stateDir, WriterSchemas writerSchemas, int maxOutgoingBytes) {
    this.writerSchemas = writerSchemas;
    this.maxOutgoingBytes = maxOutgoingBytes;
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-ingest-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    IngestParts parts = parts();
    driver =
        new TopologyTestDriver(
            IngestTopology.build(TOPICS, parts),
            IngestTopology.withExceptionHandling(props, parts),
            Samples.NOW);
    submitted =
        driver.createInputTopic(
            TOPICS.submitted().name(), new ByteArraySerializer(), new ByteArraySerializer());
    created =
        driver.createOutputTopic(
            TOPICS.created().name(), new StringDeserializer(), CREATED_SERDE.deserializer());
    rejected =
        driver.createOutputTopic(
            TOPICS.rejected().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    createdRaw =
        driver.createOutputTopic(
            TOPICS.created().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  IngestParts parts() {
    Assessor assessor =
        new Assessor(
            new SubmissionParser(writerSchemas, 262_144),
            new OrderValidator(ValidationRules.defaults()));
    return new IngestParts(
        assessor,
        new RejectionWriter(512 * 1024),
        Duration.ofDays(7),
        maxOutgoingBytes,
        clock,
        new IngestMetrics(registry),
        undeliverable);
  }

  /** Submits at the clock's time, with a vendor header and, if given, a correlation id. */
  void submit(String key, byte[] value, String correlationId) {
    RecordHeaders headers = new RecordHeaders();
    if (correlationId != null) {
      headers.add(HeaderNames.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
    }
    headers.add("vendor-trace", "t-1".getBytes(StandardCharsets.UTF_8));
    submitRaw(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers);
  }

  void submitRaw(byte[] key, byte[] value, Headers headers) {
    submitted.pipeInput(new TestRecord<>(key, value, headers, clock.instant()));
  }

  /** Outcomes produced so far, in order, as they would reach the broker: key, value, headers. */
  List<TestRecord<byte[], byte[]>> drainRaw() {
    List<TestRecord<byte[], byte[]>> all = new ArrayList<>(createdRaw.readRecordsToList());
    all.addAll(rejected.readRecordsToList());
    return all;
  }

  static JsonNode json(TestRecord<byte[], byte[]> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(TestRecord<?, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static List<String> headerNames(TestRecord<?, ?> record) {
    List<String> names = new ArrayList<>();
    record.headers().forEach(h -> names.add(h.key()));
    return names;
  }

  static String key(TestRecord<byte[], ?> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    driver.close();
  }
}
