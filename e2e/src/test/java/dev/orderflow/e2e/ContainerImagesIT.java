package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.ServiceEnvironment;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.StackAddresses;
import dev.orderflow.bench.pipeline.StackClients;
import dev.orderflow.common.kafka.TopicNames;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Every deployable's image (dev/images.sh) started with podman against the running local stack, as
 * a deployment would run it: host network, the local profile, its own topics, tables and
 * application ids (so it never takes partitions from a demo or another test). Each must reach
 * {@code /health/ready} with the image's own healthcheck passing, run as the non-root user with its
 * state directory writable, log no JVM warning, and stop on SIGTERM within the compose file's grace
 * period.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ContainerImagesIT {
  private static final List<String> SERVICES =
      List.of(
          "order-ingest",
          "notification-router",
          "whatsapp-sender",
          "instagram-sender",
          "meta-webhooks");
  private static final Map<String, String> STATE_DIRS =
      Map.of(
          "order-ingest", "/var/lib/order-ingest",
          "notification-router", "/var/lib/notification-router");

  /** The senders' one retry tier: a delay no other pipeline on the shared broker uses. */
  private static final String RETRY_DELAY = "17s";

  private static final Duration READY_WITHIN = Duration.ofSeconds(180);

  /** docker-compose.yml's stop_grace_period for the services; their own bounds are below it. */
  private static final Duration STOP_WITHIN = Duration.ofSeconds(45);

  private final String runId =
      "ctr" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> started = new ArrayList<>();
  private Podman podman;
  private StackClients clients;
  private PipelineResources resources;
  private PipelineNames names;
  private List<String> ownTopics;

  @BeforeAll
  void createThePipeline() {
    podman = Podman.required(E2eEnvironment.repositoryRoot());
    List<String> modules = new ArrayList<>(SERVICES);
    modules.add("ops-cli");
    podman.ensureImages(modules);
    names = PipelineNames.unique(runId);
    clients = new StackClients(StackAddresses.fromEnvironment());
    resources = new PipelineResources(clients);
    resources.create(names, 1);
    ownTopics = new ArrayList<>(names.flowTopics());
    ownTopics.addAll(names.sideTopics());
    for (String platform : List.of("whatsapp", "instagram")) {
      ownTopics.add(TopicNames.retryTopic(platform, RETRY_DELAY));
    }
    ownTopics.addAll(webhookTopics().values());
    resources.createTopics(ownTopics, 1);
  }

  @AfterAll
  void removeThePipeline() {
    if (podman != null) {
      for (String name : started) {
        // --volumes: the images declare their state directories as volumes.
        podman.run(List.of("rm", "--force", "--volumes", "--time", "0", name));
      }
    }
    if (resources != null) {
      resources.deleteTopics(ownTopics);
      resources.deleteTables(names);
      clients.close();
    }
  }

  @Test
  void everyServiceImageGetsReadyUnderPodmanAndStopsOnSigterm() throws Exception {
    Map<String, Integer> opsPorts = new LinkedHashMap<>();
    for (String service : SERVICES) {
      int opsPort = freePort();
      opsPorts.put(service, opsPort);
      startContainer(service, environment(service, opsPort));
    }

    // Started side by side, awaited one after the other: the JVMs warm up together.
    for (String service : SERVICES) {
      awaitReady(service, opsPorts.get(service));
    }

    for (String service : SERVICES) {
      String container = containerName(service);
      // The image's own HEALTHCHECK (curl on the ops port's /health/ready) passes.
      assertThat(podman.run(List.of("healthcheck", "run", container)).exitCode())
          .as("%s: podman healthcheck run", service)
          .isZero();
      assertThat(podman.ok(List.of("exec", container, "id", "-u")))
          .as("%s runs as the image's non-root user", service)
          .isEqualTo("10001");
      if (STATE_DIRS.containsKey(service)) {
        String dir = STATE_DIRS.get(service);
        podman.ok(List.of("exec", container, "test", "-w", dir));
        // Kafka Streams has written its state there: the directory is really the state's.
        assertThat(podman.ok(List.of("exec", container, "ls", "-A", dir)))
            .as("%s: Kafka Streams state in %s", service, dir)
            .isNotBlank();
      }
    }

    for (String service : SERVICES) {
      String container = containerName(service);
      Instant stopping = Instant.now();
      podman.ok(List.of("stop", "--time", Long.toString(STOP_WITHIN.toSeconds()), container));
      Duration took = Duration.between(stopping, Instant.now());
      String exitCode = podman.ok(List.of("inspect", "--format", "{{.State.ExitCode}}", container));
      String logs = podman.ok(List.of("logs", container));
      // 137 is SIGKILL: podman's, after the grace period ran out.
      assertThat(exitCode)
          .as("%s's exit code after SIGTERM (%s)\n%s", service, took, logs)
          .isNotEqualTo("137");
      assertThat(took).as("%s stopped within its grace period", service).isLessThan(STOP_WITHIN);
      assertThat(logs)
          .as("%s's log: the pipeline's format from the first line, no JVM warning", service)
          .doesNotContain("WARNING: ")
          .doesNotContain("Picked up ")
          .startsWith("time=");
    }
  }

  /** What the service's container gets: the stack's addresses, this run's names, free ports. */
  private Map<String, String> environment(String service, int opsPort) {
    StackAddresses stack = StackAddresses.fromEnvironment();
    Map<String, String> env = new TreeMap<>();
    if (service.equals("meta-webhooks")) {
      env.putAll(stack.asEnvironment());
      // meta-webhooks has no profile file: its defaults are the local stack's.
      env.remove("ORDERFLOW_PROFILE");
      env.put("OPS_PORT", Integer.toString(opsPort));
      env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
      env.put("WEBHOOKS_HTTP_PORT", Integer.toString(freePort()));
      env.put("WEBHOOKS_HTTP_HOST", "127.0.0.1");
      webhookTopics().forEach((key, topic) -> env.put(key, topic));
    } else {
      ServiceKind kind =
          ServiceKind.valueOf(service.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      env.putAll(ServiceEnvironment.of(kind, names, stack, opsPort, Path.of("/unused")));
      // The image's state directory, not a host path.
      env.remove("KAFKA_STREAMS_STATE_DIR");
      if (kind == ServiceKind.WHATSAPP_SENDER || kind == ServiceKind.INSTAGRAM_SENDER) {
        env.put("RETRY_DELAYS", RETRY_DELAY);
      }
    }
    // Host network: the ops port stays on the loopback address, as the stack's own ports do.
    env.put("OPS_HOST", "127.0.0.1");
    env.put("SERVICE_ENVIRONMENT", "local");
    return env;
  }

  private Map<String, String> webhookTopics() {
    return Map.of(
        "TOPICS_NOTIFY_STATUS", TopicNames.NOTIFY_STATUS + "." + runId,
        "TOPICS_BUYER_INBOUND", TopicNames.BUYER_INBOUND + "." + runId,
        "TOPICS_WEBHOOKS_UNPARSED", "meta-webhooks.unparsed.v1." + runId);
  }

  private void startContainer(String service, Map<String, String> env) {
    List<String> args =
        new ArrayList<>(
            List.of("run", "--detach", "--name", containerName(service), "--network", "host"));
    env.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
    args.add(Podman.image(service));
    podman.ok(args);
    started.add(containerName(service));
  }

  private void awaitReady(String service, int opsPort) throws Exception {
    URI ready = URI.create("http://127.0.0.1:" + opsPort + "/health/ready");
    Instant deadline = Instant.now().plus(READY_WITHIN);
    int status = 0;
    while (Instant.now().isBefore(deadline)) {
      status = status(ready);
      if (status == 200) {
        return;
      }
      String state =
          podman.ok(List.of("inspect", "--format", "{{.State.Status}}", containerName(service)));
      if (!state.equals("running")) {
        fail(
            service
                + "'s container is "
                + state
                + ":\n"
                + podman.run(List.of("logs", containerName(service))));
      }
      Thread.sleep(500);
    }
    fail(
        service
            + " not ready within "
            + READY_WITHIN
            + " (last status "
            + status
            + "):\n"
            + podman.run(List.of("logs", containerName(service))));
  }

  private int status(URI uri) {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private String containerName(String service) {
    return "orderflow-it-" + service + "-" + runId;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
