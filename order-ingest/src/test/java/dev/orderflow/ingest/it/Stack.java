package dev.orderflow.ingest.it;

/** Where the running local stack is (dev/lib/env.sh exports these; the defaults match it). */
final class Stack {
  private Stack() {}

  static String bootstrapServers() {
    return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
  }

  static String registryUrl() {
    return env("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
