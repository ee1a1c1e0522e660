package dev.orderflow.ingest;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.ops.LagAge;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.AvroSerde;
import dev.orderflow.common.serde.AvroSerdeConfig;
import dev.orderflow.common.serde.WireFormatException;
import dev.orderflow.common.service.Service;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.intake.SubmissionParser;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.ingest.outcome.RejectionWriter;
import dev.orderflow.ingest.registry.RegistryWriterSchemas;
import dev.orderflow.ingest.topology.IngestMetrics;
import dev.orderflow.ingest.topology.IngestParts;
import dev.orderflow.ingest.topology.IngestTopics;
import dev.orderflow.ingest.topology.IngestTopology;
import dev.orderflow.ingest.topology.UndeliverableOutcomes;
import dev.orderflow.ingest.validation.OrderValidator;
import dev.orderflow.schema.OrderCreated;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the topology to Kafka Streams, the registry and the ops endpoint. Ready while Streams is
 * RUNNING; live unless Streams has failed for good. Instances share the application id, so more of
 * them (up to the partition count) split the work.
 */
final class OrderIngestService implements Service {
  private static final Logger LOGGER = LoggerFactory.getLogger(OrderIngestService.class);
  private static final Set<KafkaStreams.State> FAILED =
      EnumSet.of(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR);

  private final KafkaStreams streams;
  private final SchemaRegistryClient registry;

  private OrderIngestService(KafkaStreams streams, SchemaRegistryClient registry) {
    this.streams = streams;
    this.registry = registry;
  }

  static Service create(ServiceContext context) {
    IngestConfig config = IngestConfig.from(context.config());
    RegistryConfig registryConfig = RegistryConfig.from(context.config());
    SchemaRegistryClient registry = new SchemaRegistryClient(registryConfig.clientConfig());
    AvroSerde<OrderCreated> createdSerde =
        new AvroSerde<>(registry, AvroSerdeConfig.from(registryConfig), OrderCreated.class);
    IngestTopics topics = IngestTopics.from(context.config(), createdSerde);
    UndeliverableOutcomes undeliverable = new UndeliverableOutcomes();
    IngestParts parts = parts(config, registry, context, undeliverable);
    // Started only once the registry holds OrderCreated under the output subject (provisioning).
    context.contracts().writes(topics.created().name(), OrderCreated.getClassSchema());
    LagAge lagAge =
        new LagAge(context.metrics().registry(), config.applicationId(), Clock.systemUTC());
    Properties props =
        IngestTopology.withExceptionHandling(
            new KafkaSettings(KafkaConfig.from(context.config()))
                .streams(config.applicationId(), context.instance()),
            parts);
    props.putAll(lagAge.streamsConfig());
    KafkaStreams streams = new KafkaStreams(IngestTopology.build(topics, parts), props);
    lagAge.readLagFrom(streams::metrics);
    streams.setUncaughtExceptionHandler(error -> onStreamThreadFailure(error, undeliverable));
    context.metrics().bind(streams);
    context.ready().add("streams-running", () -> streams.state() == KafkaStreams.State.RUNNING);
    context.live().add("streams-not-failed", () -> !FAILED.contains(streams.state()));
    LOGGER.info(
        "order-ingest configured applicationId={} submitted={} created={} rejected={}"
            + " dedupWindow={} maxOutgoingBytes={}",
        config.applicationId(),
        topics.submitted().name(),
        topics.created().name(),
        topics.rejected().name(),
        config.dedupWindow(),
        config.maxOutgoingBytes());
    return new OrderIngestService(streams, registry);
  }

  private static IngestParts parts(
      IngestConfig config,
      SchemaRegistryClient registry,
      ServiceContext context,
      UndeliverableOutcomes undeliverable) {
    return new IngestParts(
        new Assessor(
            new SubmissionParser(
                new RegistryWriterSchemas(registry), config.rules().maxRecordBytes()),
            new OrderValidator(config.rules())),
        new RejectionWriter(config.maxOriginalBytes()),
        config.dedupWindow(),
        config.maxOutgoingBytes(),
        Clock.systemUTC(),
        new IngestMetrics(context.metrics().registry()),
        undeliverable);
  }

  /**
   * A registry outage is worth waiting out, and an outcome the producer refused is answered by a
   * compact rejection on the second pass (see UndeliverableOutcomes): in both cases the thread is
   * replaced and resumes from the last commit. Anything else is a bug that retrying cannot fix, so
   * the client stops and liveness fails, leaving the restart to the platform.
   */
  private static StreamThreadExceptionResponse onStreamThreadFailure(
      Throwable error, UndeliverableOutcomes undeliverable) {
    if (undeliverable.answerable(error)) {
      LOGGER.warn(
          "an outcome could not be sent; replacing the stream thread: {}", error.toString());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    if (isRegistryOutage(error)) {
      LOGGER.warn("schema registry unavailable; replacing the stream thread: {}", error.toString());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOGGER.error("stream thread failed; shutting down the Streams client", error);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  /**
   * Reading a submission's writer schema, or writing OrderCreated, needs the registry: systemic as
   * every service judges it ({@link WireFormatException#isSystemic}), or the writer-schema lookup
   * giving up on a registry that did not answer.
   */
  static boolean isRegistryOutage(Throwable error) {
    if (WireFormatException.isSystemic(error)) {
      return true;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof WriterSchemaUnavailableException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void start() {
    streams.start();
  }

  @Override
  public void stop() {
    streams.close(Duration.ofSeconds(30));
    registry.close();
  }
}
