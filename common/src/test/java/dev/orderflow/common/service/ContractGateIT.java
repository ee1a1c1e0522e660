package dev.orderflow.common.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderflow.common.registry.SchemaRegistryClient;
import dev.orderflow.common.serde.WireSchemas;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A service whose written subject is missing from the real registry waits not ready, says why in
 * one log line and on /health/ready, and starts by itself once the schema is registered as
 * provisioning registers it.
 */
@RealStack
class ContractGateIT {
  private final List<Thread> hooks = new ArrayList<>();
  private final AtomicInteger starts = new AtomicInteger();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger gateLogger = (Logger) LoggerFactory.getLogger(ContractGate.class);

  @BeforeEach
  void captureLog() {
    log.start();
    gateLogger.addAppender(log);
  }

  @AfterEach
  void stop() {
    gateLogger.detachAppender(log);
    hooks.forEach(Thread::run);
  }

  @Test
  void missingSubjectKeepsTheServiceDownWithOneLineAndItRecoversOnceProvisioned(TestStack stack)
      throws Exception {
    // Given a topic whose subject nobody has registered
    String topic = stack.uniqueTopic("it.contracts");
    String subject = topic + "-value";
    String registryUrl = stack.registryUrl().toString();

    // When
    RunningService running = launch(registryUrl, topic);

    // Then: down, with the reason, and not started, for several retries
    await("readiness names the subject")
        .atMost(Duration.ofSeconds(30))
        .until(() -> ready(running).contains(subject));
    String body = ready(running);
    assertThat(body)
        .contains("\"status\":\"DOWN\"")
        .contains("ops provision --file provisioning/pipeline.yaml --env itest");
    await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    assertThat(starts).hasValue(0);
    assertThat(get(running, "/health/live").statusCode()).as("alive while waiting").isEqualTo(200);
    assertThat(warnings())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("subject " + subject + ": schema dev.orderflow.schema.OrderCreated")
                    .contains("run: ops provision --file provisioning/pipeline.yaml --env itest"));

    // When the subject is provisioned
    try (SchemaRegistryClient registry = new SchemaRegistryClient(registryUrl)) {
      registry.register(subject, WireSchemas.of(OrderCreated.getClassSchema()));
    }

    // Then
    await("the service starts by itself")
        .atMost(Duration.ofSeconds(20))
        .until(() -> starts.get() == 1 && status(running) == 200);
    assertThat(warnings()).hasSize(1);
  }

  private RunningService launch(String registryUrl, String topic) {
    ServiceLauncher launcher =
        new ServiceLauncher(
            "contract-it",
            0,
            Map.of(
                "OPS_PORT", "0",
                "SCHEMA_REGISTRY_URL", registryUrl,
                "SERVICE_ENVIRONMENT", "itest",
                "CONTRACTS_RETRY_FIRST_PAUSE", "200ms",
                "CONTRACTS_RETRY_MAX_PAUSE", "500ms"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            hooks::add);
    var outcome =
        launcher.launch(
            new String[0],
            context -> {
              context.contracts().writes(topic, OrderCreated.getClassSchema());
              // Like the senders' consume-loop check: down until the service has started.
              context.live().add("loop", () -> starts.get() > 0);
              return new Service() {
                @Override
                public void start() {
                  starts.incrementAndGet();
                }

                @Override
                public void stop() {}
              };
            });
    assertThat(outcome).isInstanceOf(ServiceLauncher.Launch.Started.class);
    return ((ServiceLauncher.Launch.Started) outcome).running();
  }

  private List<String> warnings() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static String ready(RunningService running) throws Exception {
    return get(running, "/health/ready").body();
  }

  private static int status(RunningService running) throws Exception {
    return get(running, "/health/ready").statusCode();
  }

  private static HttpResponse<String> get(RunningService running, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(running.ops().uri().resolve(path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
