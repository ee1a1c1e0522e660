package dev.orderflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric a Prometheus rule or a Grafana panel reads is one the services export ({@link
 * ExposedMetrics}) or one a rule records; the few from Prometheus or kube-state-metrics are listed
 * in {@link ExposedMetrics#EXTERNAL}. Always runs (no tool needed).
 */
class MetricNamesTest {
  private static Set<String> exposed;

  @BeforeAll
  static void scrape() {
    exposed = ExposedMetrics.names();
  }

  @Test
  void theRegistryReallyExportsTheServicesMeters() {
    // Guards the check itself: if the source scan found nothing, every rule would be "unknown".
    assertThat(exposed)
        .contains(
            "sender_sent_total",
            "sender_api_latency_seconds_bucket",
            "ingest_orders_accepted_total",
            "router_orders_routed_total",
            "webhooks_requests_seconds_bucket",
            "kafka_consumer_fetch_manager_records_lag_max",
            "jvm_memory_used_bytes",
            "consumer_lag_age_seconds");
    assertThat(PromQl.metricNames("sum by (le) (rate(a_b_bucket{x=\"y\"}[5m])) / on(i) c:d"))
        .containsExactlyInAnyOrder("a_b_bucket", "c:d");
  }

  @Test
  void everyRuleReadsOnlyExposedOrRecordedMetrics() {
    Map<String, Set<String>> unknown = new TreeMap<>();
    Set<String> recorded = recorded();
    rules()
        .forEach(
            rule -> {
              String name =
                  rule.has("record") ? rule.get("record").asText() : rule.get("alert").asText();
              unexposed(rule.get("expr").asText(), recorded, name, unknown);
            });
    assertThat(unknown).as("metrics no service exports").isEmpty();
    assertThat(rules()).hasSizeGreaterThan(10);
  }

  @Test
  void everyDashboardPanelReadsOnlyExposedOrRecordedMetrics() {
    Map<String, Set<String>> unknown = new TreeMap<>();
    Set<String> recorded = recorded();
    List<Path> dashboards = dashboards();
    assertThat(dashboards).isNotEmpty();
    int queries = 0;
    for (Path d : dashboards) {
      for (JsonNode expr : Repo.jsonFile(d).findValues("expr")) {
        queries++;
        unexposed(expr.asText(), recorded, d.getFileName() + ": " + expr.asText(), unknown);
      }
    }
    assertThat(queries).isGreaterThan(10);
    assertThat(unknown).as("metrics no service exports").isEmpty();
  }

  private static void unexposed(
      String expr, Set<String> recorded, String where, Map<String, Set<String>> unknown) {
    Set<String> names = PromQl.metricNames(expr);
    assertThat(names).as("no metric in " + where).isNotEmpty();
    for (String n : names) {
      if (!exposed.contains(n) && !recorded.contains(n) && !ExposedMetrics.EXTERNAL.contains(n)) {
        unknown.computeIfAbsent(where, k -> new TreeSet<>()).add(n);
      }
    }
  }

  static List<JsonNode> rules() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : Repo.yamlDocuments(rulesFile()).getFirst().get("groups")) {
      group.get("rules").forEach(rules::add);
    }
    return rules;
  }

  static Set<String> recorded() {
    Set<String> out = new TreeSet<>();
    rules().stream().filter(r -> r.has("record")).forEach(r -> out.add(r.get("record").asText()));
    return out;
  }

  static Path rulesFile() {
    return Repo.root().resolve("deploy/prometheus/orderflow-rules.yaml");
  }

  static List<Path> dashboards() {
    try (Stream<Path> files = Files.list(Repo.root().resolve("deploy/grafana"))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
