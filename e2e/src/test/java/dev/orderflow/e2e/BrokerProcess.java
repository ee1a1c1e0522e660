package dev.orderflow.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker of the suite's own, run from Kafka's jars on the test class path as a
 * separate process, so a test can restart it (the shared stack's broker is not ours to restart) and
 * the services can use the standard topic names without meeting anyone else's records.
 */
final class BrokerProcess implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(90);

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private Process process;

  BrokerProcess(Path dir) {
    this.dir = dir;
    this.port = freePort();
    this.controllerPort = freePort();
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Formats the storage (first time only) and starts the broker; returns when it answers. */
  BrokerProcess start() {
    try {
      if (!Files.exists(dir.resolve("server.properties"))) {
        Files.createDirectories(dir);
        writeConfig();
        // Kafka's own Uuid never starts with '-', which the storage tool would read as an option
        // (a random base64url id did, about once in 64 runs: "expected one argument").
        String clusterId = Uuid.randomUuid().toString();
        run(List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId,
                "-c",
                config(),
                "--standalone"))
            .waitFor(60, TimeUnit.SECONDS);
      }
      process = run(List.of("kafka.Kafka", config()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the e2e broker", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    awaitAnswering();
    return this;
  }

  /** A controlled shutdown (SIGTERM), as a rolling restart does. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitFor(Duration.ofSeconds(60));
      if (process.isAlive()) {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitAnswering() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    long deadline = System.nanoTime() + READY.toNanos();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the e2e broker exited; log: " + dir.resolve("broker.log"));
        }
        try {
          admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the e2e broker did not answer within " + READY, e);
          }
          LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
      }
    }
  }

  private Process run(List<String> mainAndArgs) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path")));
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
        .start();
  }

  private void writeConfig() throws IOException {
    String listeners =
        "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
    Files.writeString(
        dir.resolve("server.properties"),
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
            "listeners=" + listeners,
            "advertised.listeners=" + listeners,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=6",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "transaction.state.log.num.partitions=6",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "default.replication.factor=1",
            "min.insync.replicas=1",
            "auto.create.topics.enable=false",
            "group.initial.rebalance.delay.ms=0",
            "log.dirs=" + dir.resolve("data"),
            ""));
  }

  private String config() {
    return dir.resolve("server.properties").toString();
  }

  private void waitFor(Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
