package dev.orderflow.deploy;

import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.kafka.KafkaSettings;
import dev.orderflow.common.kafka.OffsetReset;
import dev.orderflow.common.ops.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The metric names the services expose on /metrics, as Prometheus sees them, without running the
 * services: common's own {@link Metrics} registry (JVM and process meters) with a Kafka consumer,
 * producer and Kafka Streams bound the way the services bind theirs (nothing connects: the clients
 * are never polled or started), plus every application meter declared in the services' sources,
 * registered by its kind so Micrometer's Prometheus naming ({@code _total}, {@code
 * _seconds_bucket}, …) is applied by Micrometer itself. The names come from a real scrape of that
 * registry; only the list of application meters is read from code, because several are registered
 * lazily (on the first failure of a kind) and an idle service's scrape would lack them.
 */
final class ExposedMetrics {
  private static final List<String> SERVICE_MODULES =
      List.of(
          // common declares the lag-age gauge every consuming service registers.
          "common",
          "order-ingest",
          "notification-router",
          "sender-framework",
          "whatsapp-sender",
          "instagram-sender",
          "meta-webhooks");

  /**
   * {@code Counter.builder("x")}, {@code DistributionSummary.builder("x")}, {@code
   * registry.counter("x"}, a helper {@code counter("x")} or {@code counter(registry, "x")}.
   */
  private static final Pattern METER =
      Pattern.compile(
          "(?:(Counter|Timer|Gauge|DistributionSummary)\\.builder|\\b(counter|timer|gauge))"
              + "\\((?:\\s*[a-z][A-Za-z0-9]*\\s*,)?\\s*\"([a-z][a-z0-9.-]*)\"");

  /**
   * Metrics a rule may use that Prometheus or kube-state-metrics expose, not the services: scrape
   * health and pod readiness (the services export no readiness meter; /health/ready is HTTP).
   */
  static final Set<String> EXTERNAL = Set.of("up", "kube_pod_container_status_ready");

  private ExposedMetrics() {}

  static Set<String> names() {
    try (Metrics metrics = Metrics.create("deploy-test", "0")) {
      MeterRegistry registry = metrics.registry();
      // The services' client settings (a KIP-848 consumer names some metrics unlike a classic one),
      // toward a port nothing listens on: the meters exist before any connection.
      KafkaSettings kafka = new KafkaSettings(KafkaConfig.plaintext("127.0.0.1:1"));
      KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(
              kafka.consumer(
                  "deploy-test",
                  "deploy-test",
                  IsolationLevel.READ_COMMITTED,
                  OffsetReset.EARLIEST),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());
      KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              kafka.producer("deploy-test"), new ByteArraySerializer(), new ByteArraySerializer());
      Path state = Files.createTempDirectory("deploy-streams");
      Properties props =
          kafka.streams(
              "deploy-test", "0", Map.of(StreamsConfig.STATE_DIR_CONFIG, state.toString()));
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream("deploy-test-in").to("deploy-test-out");
      try (consumer;
          producer;
          KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
        metrics.bind(consumer);
        metrics.bind(producer);
        metrics.bind(streams);
        declaredMeters(registry);
        return sampleNames(metrics.scrape());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Registers every meter the services' sources declare, with its kind and histogram setting. */
  static void declaredMeters(MeterRegistry registry) {
    for (String module : SERVICE_MODULES) {
      for (Path file : javaFiles(module)) {
        String source = Repo.read(file);
        boolean histogram = source.contains("publishPercentileHistogram");
        Matcher m = METER.matcher(source);
        while (m.find()) {
          String kind = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
          String name = m.group(3);
          switch (kind) {
            case "counter" -> Counter.builder(name).register(registry);
            case "gauge" -> Gauge.builder(name, () -> 0).register(registry);
            case "distributionsummary" -> DistributionSummary.builder(name).register(registry);
            default -> {
              Timer.Builder timer = Timer.builder(name);
              if (histogram) {
                timer.publishPercentileHistogram();
              }
              timer.register(registry);
            }
          }
        }
      }
    }
  }

  static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = line.indexOf('{');
      if (end < 0) {
        end = line.indexOf(' ');
      }
      names.add(line.substring(0, end));
    }
    return names;
  }

  private static List<Path> javaFiles(String module) {
    try (Stream<Path> files = Files.walk(Repo.root().resolve(module).resolve("src/main/java"))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
