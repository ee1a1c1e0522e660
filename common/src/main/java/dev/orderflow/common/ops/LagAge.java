package dev.orderflow.common.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag age per consumer group and topic, exported as {@code consumer_lag_age_seconds{group,topic}}:
 * how long the oldest record the group has not consumed yet has been waiting, the maximum over this
 * instance's assigned partitions of the topic.
 *
 * <p>Cheap by construction: nothing is read from the broker. Two facts the consumer already has are
 * combined at scrape time. {@link LagAgeInterceptor} remembers, per partition, the timestamp of the
 * last record each poll returned; the client's own {@code records-lag} metric says how many records
 * remain behind that position. A partition with no lag is 0 s old. A partition with lag has its
 * oldest unconsumed record right after the last consumed one, so its age is at most {@code now -
 * timestamp(last consumed)}: an upper bound that is exact when records arrive steadily and that
 * grows with the wall clock while the consumer is stuck, which is what the alert is for. Record
 * timestamps are the producers' create times (our topics do not use LogAppendTime), so a producer's
 * clock skew shifts the age by the skew.
 *
 * <p>What it cannot see, by the same construction: a partition this instance has not consumed from
 * since it started (no timestamp yet) is left out, and a paused partition keeps the lag its last
 * fetch reported (the consumer does not fetch it). Both are covered by the records-lag alert, which
 * reads the group's lag, and by the circuit and readiness alerts. For Kafka Streams the lag is the
 * main consumer's fetch position: records buffered in a task (at most {@code
 * buffered.records.per.partition}) count as consumed.
 */
public final class LagAge {
  /** The config entry through which Kafka hands this tracker to {@link LagAgeInterceptor}. */
  static final String CONFIG_KEY = "orderflow.lag-age";

  private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";

  private final MeterRegistry registry;
  private final String group;
  private final Clock clock;
  private final Map<TopicPartition, Long> lastTimestamps = new ConcurrentHashMap<>();
  private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();
  private volatile Supplier<Map<MetricName, ? extends Metric>> clientMetrics = Map::of;

  public LagAge(MeterRegistry registry, String group, Clock clock) {
    this.registry = registry;
    this.group = group;
    this.clock = clock;
  }

  /**
   * The consumer config entries that install the interceptor feeding this tracker, for a plain
   * consumer's properties.
   */
  public Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
        LagAgeInterceptor.class.getName(),
        CONFIG_KEY,
        this);
  }

  /**
   * The same for Kafka Streams: on the main consumer only (not the restore consumer's changelogs).
   */
  public Map<String, Object> streamsConfig() {
    String prefix = "main.consumer.";
    return Map.of(
        prefix + ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
        LagAgeInterceptor.class.getName(),
        prefix + CONFIG_KEY,
        this);
  }

  /**
   * Where the per-partition {@code records-lag} is read: {@code consumer::metrics} or {@code
   * streams::metrics}. Both are safe to call from the scrape thread.
   */
  public void readLagFrom(Supplier<Map<MetricName, ? extends Metric>> metrics) {
    this.clientMetrics = metrics;
  }

  void consumed(TopicPartition partition, long timestampMs) {
    if (timestampMs < 0) {
      return;
    }
    lastTimestamps.put(partition, timestampMs);
    gauges.computeIfAbsent(
        partition.topic(),
        topic ->
            Gauge.builder("consumer.lag.age.seconds", () -> ageSeconds(topic))
                .description("age of the oldest record not consumed yet (upper bound, see LagAge)")
                .tags("group", group, "topic", topic)
                .register(registry));
  }

  /** NaN while none of the topic's partitions is both assigned (has a lag metric) and consumed. */
  double ageSeconds(String topic) {
    Map<TopicPartition, Double> lags = recordsLag(topic);
    long now = clock.millis();
    double age = Double.NaN;
    for (Map.Entry<TopicPartition, Long> last : lastTimestamps.entrySet()) {
      Double lag = lags.get(last.getKey());
      if (lag == null || lag.isNaN()) {
        continue;
      }
      double partitionAge = lag > 0 ? Math.max(0, now - last.getValue()) / 1000.0 : 0;
      age = Double.isNaN(age) ? partitionAge : Math.max(age, partitionAge);
    }
    return age;
  }

  private Map<TopicPartition, Double> recordsLag(String topic) {
    // The client tags a partition's metrics with the topic name, dots as underscores.
    String tagged = topic.replace('.', '_');
    Map<TopicPartition, Double> lags = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : clientMetrics.get().entrySet()) {
      MetricName name = e.getKey();
      Map<String, String> tags = name.tags();
      String partition = tags.get("partition");
      if (!FETCH_GROUP.equals(name.group())
          || !"records-lag".equals(name.name())
          || partition == null
          || !(tagged.equals(tags.get("topic")) || topic.equals(tags.get("topic")))) {
        continue;
      }
      if (e.getValue().metricValue() instanceof Number n) {
        lags.put(new TopicPartition(topic, Integer.parseInt(partition)), n.doubleValue());
      }
    }
    return lags;
  }
}
