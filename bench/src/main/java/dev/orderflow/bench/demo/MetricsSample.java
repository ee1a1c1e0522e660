package dev.orderflow.bench.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A few of a service's own metrics from its {@code /metrics}: the pipeline's counters, not the JVM,
 * Kafka client or process families every service has, nor histogram buckets, and only those that
 * counted something.
 */
final class MetricsSample {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Pattern GENERIC =
      Pattern.compile("^(jvm|process|system|kafka|logback|executor|disk|http|jdk|application)_.*");

  private MetricsSample() {}

  static List<String> of(int opsPort, int max) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response
          .body()
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .filter(l -> !GENERIC.matcher(l).matches())
          .filter(l -> !l.contains("_bucket{"))
          .filter(MetricsSample::nonZero)
          .limit(max)
          .toList();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static boolean nonZero(String line) {
    String value = line.substring(line.lastIndexOf(' ') + 1);
    try {
      return Double.parseDouble(value) != 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
