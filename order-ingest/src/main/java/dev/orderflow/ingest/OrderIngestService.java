package dev.orderflow.ingest;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.service.Service;
import dev.orderflow.common.service.ServiceContext;
import dev.orderflow.ingest.intake.Assessor;
import dev.orderflow.ingest.intake.SubmissionParser;
import dev.orderflow.ingest.intake.WriterSchemaUnavailableException;
import dev.orderflow.ingest.outcome.RejectionWriter;
import dev.orderflow.ingest.registry.OrderCreatedSerde;
import dev.orderflow.ingest.registry.RegistryClient;
import dev.orderflow.ingest.registry.RegistryWriterSchemas;
import dev.orderflow.ingest.topology.IngestMetrics;
import dev.orderflow.ingest.topology.IngestParts;
import dev.orderflow.ingest.topology.IngestTopology;
import dev.orderflow.ingest.validation.OrderValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the topology to Kafka Streams and the ops endpoint. Ready while Streams is RUNNING; live
 * unless Streams has failed for good. Instances share the application id, so more of them (up to
 * the partition count) split the work.
 */
final class OrderIngestService implements Service {
  private static final Logger LOGGER = LoggerFactory.getLogger(OrderIngestService.class);
  private static final Set<KafkaStreams.State> DEAD =
      EnumSet.of(
          KafkaStreams.State.PENDING_ERROR,
          KafkaStreams.State.ERROR,
          KafkaStreams.State.PENDING_SHUTDOWN,
          KafkaStreams.State.NOT_RUNNING);

  private final KafkaStreams streams;
  private volatile boolean started;

  private OrderIngestService(KafkaStreams streams) {
    this.streams = streams;
  }

  static Service create(ServiceContext context) {
    IngestConfig config = IngestConfig.from(context.config());
    RegistryClient registry = new RegistryClient(RegistryConfig.from(context.config()));
    IngestParts parts =
        new IngestParts(
            new Assessor(
                new SubmissionParser(
                    new RegistryWriterSchemas(registry), config.rules().maxRecordBytes()),
                new OrderValidator(config.rules())),
            new RejectionWriter(config.maxOriginalBytes()),
            OrderCreatedSerde.create(registry),
            config.dedupWindow(),
            Clock.systemUTC(),
            new IngestMetrics(context.metrics().registry()));
    Topology topology = IngestTopology.build(config.topics(), parts);
    Properties props =
        new KafkaSettings(KafkaConfig.from(context.config())).streams(config.applicationId());
    KafkaStreams streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(OrderIngestService::onStreamThreadFailure);
    OrderIngestService service = new OrderIngestService(streams);
    context.metrics().bind(streams);
    context.ready().add("streams-running", () -> streams.state() == KafkaStreams.State.RUNNING);
    context.live().add("streams-alive", () -> !service.started || !DEAD.contains(streams.state()));
    LOGGER.info(
        "order-ingest configured applicationId={} topics={} dedupWindow={}",
        config.applicationId(),
        config.topics(),
        config.dedupWindow());
    return service;
  }

  /**
   * A registry outage is worth waiting out (the thread is replaced and retries from the last
   * commit); anything else is a bug that retrying cannot fix, so the client stops and liveness
   * fails, leaving the restart to the platform.
   */
  private static StreamThreadExceptionResponse onStreamThreadFailure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof WriterSchemaUnavailableException) {
        LOGGER.warn("schema registry unavailable; replacing the stream thread: {}", t.getMessage());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
    }
    LOGGER.error("stream thread failed; shutting down the Streams client", error);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  @Override
  public void start() {
    streams.start();
    started = true;
  }

  @Override
  public void stop() {
    streams.close(Duration.ofSeconds(30));
  }
}
