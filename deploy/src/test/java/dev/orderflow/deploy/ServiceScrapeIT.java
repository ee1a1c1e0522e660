package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real scrape: order-ingest runs as its own process on the local stack (unique topics and
 * application id, so it touches nothing of anyone else's) and its /metrics is compared with what
 * {@link ExposedMetrics} predicts. It proves the prediction's naming on a live service and that
 * every ingest, JVM, Kafka and lag-age metric the rules and dashboard read is really there; meters
 * that exist only after their first event are covered by {@link MetricNamesTest} alone.
 */
@RealStack
class ServiceScrapeIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Read by rules or panels but created only after an event this test does not cause. */
  private static final Set<String> AFTER_FIRST_EVENT = Set.of("jvm_gc_pause_seconds_sum");

  @Test
  void aRunningOrderIngestExportsWhatTheRulesAndDashboardRead(TestStack stack) throws Exception {
    String submitted = stack.uniqueTopic("orders.submitted.v1");
    String created = stack.uniqueTopic("orders.created.v1");
    String rejected = stack.uniqueTopic("orders.rejected.v1");
    stack.createTopics(1, submitted, created, rejected);
    int opsPort = freePort();
    Path state = Files.createTempDirectory("deploy-it-state");
    Path log = Files.createTempFile("deploy-it-order-ingest", ".log");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path")));
    command.add("dev.orderflow.ingest.OrderIngestMain");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    env.put("SCHEMA_REGISTRY_URL", stack.registryUrl().toString());
    // The unique topics' subjects do not exist; the services never register, tests may.
    env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
    env.put("OPS_PORT", Integer.toString(opsPort));
    env.put("SERVICE_INSTANCE", "deploy-it");
    env.put("INGEST_APPLICATION_ID", stack.uniqueName("deploy-it-ingest"));
    env.put("TOPICS_ORDERS_SUBMITTED", submitted);
    env.put("TOPICS_ORDERS_CREATED", created);
    env.put("TOPICS_ORDERS_REJECTED", rejected);
    env.put("KAFKA_STREAMS_STATE_DIR", state.toString());
    Process process = builder.start();
    try {
      URI ops = URI.create("http://127.0.0.1:" + opsPort);
      awaitReady(ops, process, log);
      // One unreadable submission: its rejection creates the per-reason counter, which exists
      // only after a first rejection.
      try (var producer = stack.producer()) {
        producer
            .send(
                new org.apache.kafka.clients.producer.ProducerRecord<>(
                    submitted, "deploy-it".getBytes(), "not an order".getBytes()))
            .get();
      }
      Set<String> scraped = Set.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!scraped.contains("ingest_rejection_reasons_total") && System.nanoTime() < deadline) {
        Thread.sleep(500);
        scraped = ExposedMetrics.sampleNames(get(ops.resolve("/metrics")).body());
      }
      Set<String> predicted = ExposedMetrics.names();

      // The prediction names the service's meters as the service itself does.
      Set<String> own =
          scraped.stream().filter(n -> n.startsWith("ingest_")).collect(Collectors.toSet());
      assertThat(own).isNotEmpty();
      assertThat(predicted).containsAll(own);

      // Every ingest, JVM, process and Kafka metric the rules and the dashboard read is served.
      Set<String> used = new TreeSet<>();
      MetricNamesTest.rules().forEach(r -> used.addAll(PromQl.metricNames(r.get("expr").asText())));
      for (Path d : MetricNamesTest.dashboards()) {
        Repo.jsonFile(d)
            .findValues("expr")
            .forEach(e -> used.addAll(PromQl.metricNames(e.asText())));
      }
      Set<String> expectedHere =
          used.stream()
              .filter(
                  n ->
                      Stream.of("ingest_", "jvm_", "process_", "kafka_", "consumer_")
                          .anyMatch(n::startsWith))
              .filter(n -> !AFTER_FIRST_EVENT.contains(n))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(expectedHere)
          .contains("kafka_consumer_fetch_manager_records_lag_max", "consumer_lag_age_seconds");
      assertThat(scraped).containsAll(expectedHere);
    } finally {
      process.destroy();
      if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static void awaitReady(URI ops, Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("order-ingest exited:\n" + Files.readString(log)).isTrue();
      try {
        if (get(ops.resolve("/health/ready")).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("order-ingest not ready in 120 s:\n" + Files.readString(log));
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
