package dev.orderflow.common.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Prometheus registry, tagged {@code service} and {@code instance}, with JVM and
 * process meters bound. Kafka clients are bound with {@link #bind(Producer)} and friends; their
 * meters go away when this is closed, or earlier through the returned handle.
 */
public final class Metrics implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(Metrics.class);

  private final PrometheusMeterRegistry registry;
  private final Deque<AutoCloseable> bindings = new ArrayDeque<>();

  private Metrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  public static Metrics create(String service, String instance) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags(Tags.of("service", service, "instance", instance));
    Metrics metrics = new Metrics(registry);
    metrics.bindAll(
        new JvmMemoryMetrics(),
        new JvmThreadMetrics(),
        new ClassLoaderMetrics(),
        new ProcessorMetrics(),
        new UptimeMetrics(),
        new FileDescriptorMetrics());
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    metrics.track(gc);
    return metrics;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public synchronized AutoCloseable bind(Producer<?, ?> producer) {
    return bindKafka(new KafkaClientMetrics(producer));
  }

  public synchronized AutoCloseable bind(Consumer<?, ?> consumer) {
    return bindKafka(new KafkaClientMetrics(consumer));
  }

  /** Needs kafka-streams on the classpath (an optional dependency of common). */
  public synchronized AutoCloseable bind(KafkaStreams streams) {
    return track(StreamsMetricsBinding.bind(streams, registry));
  }

  private AutoCloseable bindKafka(KafkaClientMetrics binder) {
    binder.bindTo(registry);
    return track(binder);
  }

  private void bindAll(MeterBinder... binders) {
    for (MeterBinder binder : binders) {
      binder.bindTo(registry);
    }
  }

  private synchronized AutoCloseable track(AutoCloseable binding) {
    bindings.push(binding);
    return binding;
  }

  @Override
  public synchronized void close() {
    while (!bindings.isEmpty()) {
      try {
        bindings.pop().close();
      } catch (Exception e) {
        LOGGER.warn("metrics binding did not close cleanly: {}", e.toString());
      }
    }
    registry.close();
  }
}
