package dev.orderflow.common.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.config.KafkaConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceLauncherTest {
  private static final String[] NO_ARGS = {};

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Thread> hooks = new ArrayList<>();
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicInteger stops = new AtomicInteger();

  @Test
  void badConfigPrintsOneLineNamingTheKeyAndExitsWith2() {
    ServiceLauncher launcher = launcher(Map.of("OPS_PORT", "0"));

    var outcome =
        launcher.launch(
            NO_ARGS,
            context -> {
              KafkaConfig.from(context.config());
              return countingService();
            });

    assertThat(outcome).isEqualTo(new ServiceLauncher.Launch.Failed(2));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "order-ingest: bad config: kafka.bootstrap.servers: expected host:port[,host:port…],"
                + " got ''"
                + System.lineSeparator());
    assertThat(hooks).isEmpty();
  }

  @Test
  void badOpsPortIsBadConfigToo() {
    var outcome =
        launcher(Map.of("OPS_PORT", "http")).launch(NO_ARGS, context -> countingService());

    assertThat(outcome).isEqualTo(new ServiceLauncher.Launch.Failed(2));
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ops.port: expected an integer");
  }

  @Test
  void startedServiceIsReadyAndTheShutdownHookStopsItOnce() throws Exception {
    // Given
    ServiceLauncher launcher = launcher(Map.of("OPS_PORT", "0", "SERVICE_INSTANCE", "i-1"));

    // When
    var outcome = launcher.launch(NO_ARGS, context -> countingService());

    // Then
    assertThat(outcome).isInstanceOf(ServiceLauncher.Launch.Started.class);
    RunningService running = ((ServiceLauncher.Launch.Started) outcome).running();
    assertThat(starts).hasValue(1);
    assertThat(status(running, "/health/ready")).isEqualTo(200);
    assertThat(hooks).hasSize(1);

    hooks.getFirst().run();
    hooks.getFirst().run();
    assertThat(stops).hasValue(1);
  }

  @Test
  void failedStartExitsWith1AndStillStopsTheService() {
    Service failing =
        new Service() {
          @Override
          public void start() {
            throw new IllegalStateException("cannot reach DynamoDB");
          }

          @Override
          public void stop() {
            stops.incrementAndGet();
          }
        };

    var outcome = launcher(Map.of("OPS_PORT", "0")).launch(NO_ARGS, context -> failing);

    assertThat(outcome).isEqualTo(new ServiceLauncher.Launch.Failed(1));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "order-ingest: failed to start: java.lang.IllegalStateException: cannot reach DynamoDB");
    assertThat(stops).hasValue(1);
  }

  private ServiceLauncher launcher(Map<String, String> env) {
    return new ServiceLauncher(
        "order-ingest", 8181, env, new PrintStream(err, true, StandardCharsets.UTF_8), hooks::add);
  }

  private Service countingService() {
    return new Service() {
      @Override
      public void start() {
        starts.incrementAndGet();
      }

      @Override
      public void stop() {
        stops.incrementAndGet();
      }
    };
  }

  private static int status(RunningService running, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(running.ops().uri().resolve(path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
