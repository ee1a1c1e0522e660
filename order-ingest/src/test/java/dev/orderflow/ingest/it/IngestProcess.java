package dev.orderflow.ingest.it;

import static org.awaitility.Awaitility.await;

import dev.orderflow.testsupport.TestStack;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * order-ingest as a separate OS process (so it can be killed with SIGKILL), started from the test's
 * own classpath with its config in environment variables.
 */
final class IngestProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Map<String, String> env;
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC"));
  private final Path log;
  private final int opsPort;
  private Process process;

  private final IngestNames names;

  IngestProcess(
      String bootstrapServers,
      String registryUrl,
      IngestNames names,
      Path workDir,
      String logName) {
    this.names = names;
    this.opsPort = freePort();
    this.log = workDir.resolve(logName);
    this.env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("SCHEMA_REGISTRY_URL", registryUrl);
    env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
    env.put("INGEST_APPLICATION_ID", names.applicationId());
    env.put("TOPICS_ORDERS_SUBMITTED", names.submitted());
    env.put("TOPICS_ORDERS_CREATED", names.created());
    env.put("TOPICS_ORDERS_REJECTED", names.rejected());
    env.put("OPS_PORT", Integer.toString(opsPort));
    env.put("KAFKA_STREAMS_STATE_DIR", workDir.resolve("state").toString());
    env.put("SERVICE_INSTANCE", names.instance());
  }

  static IngestProcess on(TestStack stack, IngestNames names, Path workDir) {
    return on(stack, names, workDir, "order-ingest.log");
  }

  /** As {@link #on(TestStack, IngestNames, Path)}, logging to {@code logName} in the work dir. */
  static IngestProcess on(TestStack stack, IngestNames names, Path workDir, String logName) {
    return new IngestProcess(
        stack.kafkaBootstrapServers(), stack.registryUrl().toString(), names, workDir, logName);
  }

  IngestProcess with(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** An extra JVM option, e.g. {@code -XX:StartFlightRecording=…} for a profile. */
  IngestProcess withJvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  IngestProcess start() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), "dev.orderflow.ingest.OrderIngestMain"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  IngestNames names() {
    return names;
  }

  /** Waits until /health/ready answers 200, failing early if the process dies. */
  IngestProcess awaitReady() {
    return awaitReady(Duration.ofSeconds(60));
  }

  IngestProcess awaitReady(Duration atMost) {
    await("order-ingest ready (log: " + log + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(250))
        .ignoreException(UncheckedIOException.class)
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("order-ingest exited: " + Files.readString(log));
              }
              return status("/health/ready") == 200;
            });
    return this;
  }

  int status(String path) {
    return get(path).statusCode();
  }

  String body(String path) {
    return get(path).body();
  }

  /** SIGKILL: no shutdown hook, no commit, no goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  File log() {
    return log.toFile();
  }

  /** The last {@code chars} characters of the service's log, for a failure message. */
  String logTail(int chars) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - chars));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + path))
              .timeout(Duration.ofSeconds(3))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
