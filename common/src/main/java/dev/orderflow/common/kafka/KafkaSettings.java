package dev.orderflow.common.kafka;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.KafkaConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>This is the only place Kafka client properties are assembled, services and tools alike (the
 * ops tool, the benchmark), so TLS, SASL and timeouts are the same for every client. A client that
 * needs different tuning passes it as <em>client defaults</em> (they sit above ours and below the
 * config's overrides, so an operator can still change them), and a tool bounded by a command
 * deadline uses {@link #blockingAtMost}. Neither may carry addresses or security: those come from
 * config only.
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

  private static final String TRANSACTION_TIMEOUT = ProducerConfig.TRANSACTION_TIMEOUT_CONFIG;
  private static final String MAX_BLOCK = ProducerConfig.MAX_BLOCK_MS_CONFIG;
  private static final String DEFAULT_API_TIMEOUT = ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG;

  private final KafkaConfig config;

  /** Null: the clients' own limits; otherwise the most any blocking client call may take. */
  private final Duration blockingBound;

  public KafkaSettings(KafkaConfig config) {
    this(config, null);
  }

  private KafkaSettings(KafkaConfig config, Duration blockingBound) {
    this.config = Objects.requireNonNull(config, "config");
    this.blockingBound = blockingBound;
  }

  /**
   * The same settings with every blocking call of a client bounded by {@code timeout} (a tool's
   * {@code --timeout}): a producer's {@code max.block.ms}, a consumer's and an admin's {@code
   * default.api.timeout.ms}. The bound is set last, above config overrides: it is the caller's
   * deadline, not a tuning choice.
   */
  public KafkaSettings blockingAtMost(Duration timeout) {
    if (timeout == null || !timeout.isPositive()) {
      throw new IllegalArgumentException(
          "blocking bound: expected a positive duration, got " + timeout);
    }
    return new KafkaSettings(config, timeout);
  }

  /** Idempotent, acks=all; batches up to 10 ms for throughput, fails a send after 60 s. */
  public Properties producer(String clientId) {
    return producer(clientId, Map.of());
  }

  /** {@link #producer(String)} with this client's own defaults above ours. */
  public Properties producer(String clientId, Map<String, String> clientDefaults) {
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
    withClientDefaults(props, clientDefaults);
    overridden(props, config.producer(), ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return bounded(props, MAX_BLOCK);
  }

  /**
   * A producer for consume-transform-produce transactions. The transactional id must be unique
   * among live instances and stable across restarts of one: see {@link #transactionalId}.
   */
  public Properties transactionalProducer(String clientId, String transactionalId) {
    return transactionalProducer(clientId, transactionalId, Map.of());
  }

  /** {@link #transactionalProducer(String, String)} with this client's own defaults above ours. */
  public Properties transactionalProducer(
      String clientId, String transactionalId, Map<String, String> clientDefaults) {
    Map<String, String> defaults = new HashMap<>();
    // Shorter than the 60 s default: a crashed instance's open transaction blocks
    // read_committed consumers until it times out.
    defaults.put(TRANSACTION_TIMEOUT, "30000");
    defaults.putAll(clientDefaults);
    Properties props = producer(clientId, defaults);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return props;
  }

  /**
   * Offsets committed by the caller only. {@code reset} is where the group starts on a partition
   * with no committed offset, or whose committed offset the log no longer holds; it is the caller's
   * decision and set last, above {@code kafka.consumer.*} overrides. The group uses the KIP-848
   * consumer protocol (GA since Kafka 4.0, on by default in 4.x brokers): a rebalance revokes only
   * the partitions that move, so a member joining or leaving does not stop every sender's in-flight
   * work. {@code kafka.consumer.group.protocol=classic} switches back for an older broker.
   */
  public Properties consumer(
      String groupId, String clientId, IsolationLevel isolation, OffsetReset reset) {
    Objects.requireNonNull(reset, "reset");
    Properties props = base(clientId);
    props.put(GROUP_PROTOCOL, "consumer");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    props.putAll(config.consumer());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset.configValue());
    // Range, not the broker's default uniform, which balances the count over all subscribed topics:
    // with a main topic and its tiers one sender could own every main partition (and the rate
    // share). A classic group refuses the setting.
    if ("consumer".equals(props.get(GROUP_PROTOCOL))) {
      props.putIfAbsent(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, "range");
    }
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    return bounded(props, DEFAULT_API_TIMEOUT);
  }

  /**
   * A consumer outside any group, for tools that assign partitions and seek themselves (the ops
   * tool, the benchmark's readers): nothing is committed and no topic is created by reading it.
   */
  public Properties reader(String clientId, IsolationLevel isolation) {
    return reader(clientId, isolation, Map.of());
  }

  /** {@link #reader(String, IsolationLevel)} with this client's own defaults above ours. */
  public Properties reader(
      String clientId, IsolationLevel isolation, Map<String, String> clientDefaults) {
    Properties props = base(clientId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
    withClientDefaults(props, clientDefaults);
    props.putAll(config.consumer());
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    return bounded(props, DEFAULT_API_TIMEOUT);
  }

  public Properties admin(String clientId) {
    Properties props = base(clientId);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    overridden(props, config.admin(), AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return bounded(props, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
  }

  /**
   * Kafka Streams for one instance of an application, with {@code exactly_once_v2} unless {@code
   * kafka.streams.*} says otherwise. The client id is {@code <application id>-<instance>} unless
   * {@code kafka.streams.client.id} names one: the instances of a scaled-out service share the
   * application id, and their clients (in the group's description, client metrics and quotas) must
   * still be told apart.
   */
  public Properties streams(String applicationId, String instance) {
    return streams(applicationId, instance, Map.of());
  }

  /**
   * {@link #streams(String, String)} with this application's own defaults above ours. The
   * application id is the service's own key's; a {@code kafka.streams.application.id} that says
   * otherwise is refused rather than replaced.
   */
  public Properties streams(
      String applicationId, String instance, Map<String, String> clientDefaults) {
    String given = config.streams().get(STREAMS_APPLICATION_ID);
    if (given != null && !given.strip().equals(applicationId)) {
      throw new ConfigException(
          "kafka.streams." + STREAMS_APPLICATION_ID,
          "no value, or the service's application id (" + applicationId + ")",
          given);
    }
    Properties props = base(applicationId + "-" + instance);
    props.put(STREAMS_PROCESSING_GUARANTEE, STREAMS_EXACTLY_ONCE_V2);
    withClientDefaults(props, clientDefaults);
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

  /** A client's own tuning; addresses and security are config's alone. */
  private static void withClientDefaults(Properties props, Map<String, String> clientDefaults) {
    for (String key : clientDefaults.keySet()) {
      if (key.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
          || key.equals("security.protocol")
          || key.startsWith("sasl.")
          || key.startsWith("ssl.")) {
        throw new IllegalArgumentException(
            "client defaults may not set " + key + ": addresses and security come from config");
      }
    }
    props.putAll(clientDefaults);
  }

  private Properties bounded(Properties props, String key) {
    if (blockingBound != null) {
      props.put(key, Long.toString(blockingBound.toMillis()));
    }
    return props;
  }

  private static Properties overridden(
      Properties props, Map<String, String> overrides, String identityKey, String identity) {
    props.putAll(overrides);
    props.put(identityKey, identity);
    return props;
  }
}
