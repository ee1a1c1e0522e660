package dev.orderflow.ingest.topology;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.kafka.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole service as a topology, a pure function of its parts (tests run it without a broker):
 *
 * <pre>
 * submitted-orders ─ validate ─┬─ invalid ─────────────────────────────────────────> rejected
 *                              └─ valid ─ by-order-id (repartition) ─ deduplicate ─┬─> created
 *                                                                                  └─> rejected
 * </pre>
 *
 * Input is read as raw bytes, so no record can fail deserialization. Valid orders are re-keyed by
 * vendorId:orderId and repartitioned before deduplication, so both submissions of one order meet on
 * one task whatever key and partitioner the vendor's client used.
 */
public final class IngestTopology {
  public static final String DEDUP_STORE = "accepted-order-ids";
  public static final String REPARTITION = "by-order-id";

  private IngestTopology() {}

  public static Topology build(IngestTopics topics, IngestParts parts) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                DEDUP_STORE, parts.dedupWindow(), parts.dedupWindow(), false),
            Serdes.String(),
            SeenOrder.serde()));
    builder.stream(
            topics.submitted().name(),
            Consumed.with(topics.submitted().keySerde(), topics.submitted().valueSerde())
                .withName("submitted-orders"))
        .process(() -> new ValidateProcessor(parts, topics), Named.as("validate"))
        .split(Named.as("validated-"))
        .branch(
            (key, routed) -> routed instanceof Routed.ToRejected,
            Branched.withConsumer(
                invalid ->
                    toRejected(
                        invalid.mapValues(Routed::bytes, Named.as("invalid-rejection-json")),
                        topics,
                        "invalid"),
                "invalid"))
        .defaultBranch(Branched.withConsumer(valid -> deduplicate(valid, topics, parts), "valid"));
    return builder.build();
  }

  /**
   * What Kafka Streams needs besides the topology: this service's production exception handler and
   * the {@link UndeliverableOutcomes} it shares with the processors. A {@code
   * kafka.streams.production.exception.handler} of the operator's would silently break the
   * one-outcome rule, so it is refused rather than replaced.
   */
  public static Properties withExceptionHandling(Properties streams, IngestParts parts) {
    Object configured = streams.get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG);
    if (configured != null) {
      throw new ConfigException(
          "kafka.streams." + StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
          "unset (order-ingest installs its own handler)",
          configured.toString());
    }
    Properties props = (Properties) streams.clone();
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        IngestProductionExceptionHandler.class);
    props.put(IngestProductionExceptionHandler.OUTCOMES_CONFIG, parts.undeliverable());
    return props;
  }

  private static void toRejected(
      KStream<byte[], byte[]> rejections, IngestTopics topics, String from) {
    rejections.to(
        topics.rejected().name(),
        Produced.with(topics.rejected().keySerde(), topics.rejected().valueSerde())
            .withName(from + "-to-rejected"));
  }

  private static void deduplicate(
      KStream<byte[], Routed> valid, IngestTopics topics, IngestParts parts) {
    valid
        .mapValues(Routed::bytes, Named.as("accepted-submission"))
        .repartition(
            Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(REPARTITION))
        .process(() -> new DedupProcessor(parts, DEDUP_STORE), Named.as("deduplicate"), DEDUP_STORE)
        .split(Named.as("deduplicated-"))
        .branch(
            (key, outcome) -> outcome instanceof Deduplicated.Created,
            Branched.withConsumer(created -> toCreated(created, topics), "new"))
        .defaultBranch(
            Branched.withConsumer(
                repeats ->
                    toRejected(
                        repeats.mapValues(Deduplicated::bytes, Named.as("repeat-rejection-json")),
                        topics,
                        "repeat"),
                "repeat"));
  }

  private static void toCreated(KStream<byte[], Deduplicated> created, IngestTopics topics) {
    Topic<String, byte[]> createdBytes = topics.createdBytes();
    created
        .map(
            (key, outcome) ->
                KeyValue.pair(new String(key, StandardCharsets.UTF_8), outcome.bytes()),
            Named.as("order-created"))
        .to(
            createdBytes.name(),
            Produced.with(createdBytes.keySerde(), createdBytes.valueSerde())
                .withName("created-orders"));
  }
}
