package dev.orderflow.common.kafka;

import dev.orderflow.common.config.KafkaConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;

/**
 * Client properties for every Kafka client of the pipeline, built from {@link KafkaConfig}: our
 * defaults first, then the per-client overrides from config ({@code kafka.producer.*} …), then the
 * identity given here. Each call returns a fresh {@link Properties}, the one type every Kafka
 * constructor (and {@code TopologyTestDriver}) accepts. Serializers are not set: they come from a
 * {@link Topic}.
 */
public final class KafkaSettings {
  /** Streams keys are spelled out so that services without kafka-streams can use this class. */
  private static final String STREAMS_APPLICATION_ID = "application.id";

  /** CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, shared by producers, consumers and admins. */
  static final String ENABLE_METRICS_PUSH = "enable.metrics.push";

  /** ConsumerConfig.GROUP_PROTOCOL_CONFIG. */
  static final String GROUP_PROTOCOL = ConsumerConfig.GROUP_PROTOCOL_CONFIG;

  private static final String STREAMS_PROCESSING_GUARANTEE = "processing.guarantee";
  private static final String STREAMS_EXACTLY_ONCE_V2 = "exactly_once_v2";

  private final KafkaConfig config;

  public KafkaSettings(KafkaConfig config) {
    this.config = config;
  }

  /** Idempotent, acks=all; batches up to 10 ms for throughput, fails a send after 60 s. */
  public Properties producer(String clientId) {
    Properties props = base(clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(128 * 1024));
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    // send() blocks at most this long for metadata or buffer space, so a dead cluster surfaces.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    return overridden(props, config.producer(), ProducerConfig.CLIENT_ID_CONFIG, clientId);
  }

  /**
   * A producer for consume-transform-produce transactions. The transactional id must be unique
   * among live instances and stable across restarts of one: see {@link #transactionalId}.
   */
  public Properties transactionalProducer(String clientId, String transactionalId) {
    Properties props = producer(clientId);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // Shorter than the 60 s default: a crashed instance's open transaction blocks
    // read_committed consumers until it times out.
    props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "30000");
    return props;
  }

  /**
   * Offsets committed by the caller only, starting from the earliest record of a new group. The
   * group uses the KIP-848 consumer protocol (GA since Kafka 4.0, on by default in 4.x brokers): a
   * rebalance revokes only the partitions that move, so a member joining or leaving does not stop
   * every sender's in-flight work. {@code kafka.consumer.group.protocol=classic} switches back for
   * an older broker.
   */
  public Properties consumer(String groupId, String clientId, IsolationLevel isolation) {
    Properties props = base(clientId);
    props.put(GROUP_PROTOCOL, "consumer");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    props.putAll(config.consumer());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }

  /**
   * A consumer outside any group, for tools that assign partitions and seek themselves (the ops
   * tool, the benchmark's readers): nothing is committed and no topic is created by reading it.
   */
  public Properties reader(String clientId, IsolationLevel isolation) {
    Properties props = base(clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    props.putAll(config.consumer());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }

  public Properties admin(String clientId) {
    Properties props = base(clientId);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    return overridden(props, config.admin(), AdminClientConfig.CLIENT_ID_CONFIG, clientId);
  }

  /** Kafka Streams with {@code exactly_once_v2} unless {@code kafka.streams.*} says otherwise. */
  public Properties streams(String applicationId) {
    Properties props = base(applicationId);
    props.put(STREAMS_PROCESSING_GUARANTEE, STREAMS_EXACTLY_ONCE_V2);
    props.putAll(config.streams());
    props.put(STREAMS_APPLICATION_ID, applicationId);
    return props;
  }

  /**
   * {@code <service>-<instance>}, cut to legal characters. With {@code exactly_once_v2} semantics
   * (KIP-447) fencing follows the consumer group, so this only needs to be unique per live
   * instance; keeping it stable across restarts lets the broker abort a crashed instance's open
   * transaction at once instead of after the timeout.
   */
  public static String transactionalId(String service, String instance) {
    return (service + "-" + instance).replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
  }

  private Properties base(String clientId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    // KIP-714 client telemetry: a broker without a telemetry plugin (the local stack, most
    // clusters) answers GET_TELEMETRY_SUBSCRIPTIONS with UnsupportedVersionException, which every
    // client logs with a stack trace. The pipeline's metrics go through Micrometer instead; a
    // cluster that wants pushed client metrics turns it on with kafka.<client>.enable.metrics.push.
    props.put(ENABLE_METRICS_PUSH, "false");
    props.putAll(config.security());
    return props;
  }

  private static Properties overridden(
      Properties props, Map<String, String> overrides, String identityKey, String identity) {
    props.putAll(overrides);
    props.put(identityKey, identity);
    return props;
  }
}
