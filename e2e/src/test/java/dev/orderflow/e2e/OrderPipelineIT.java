package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.bench.observe.SideRecords;
import dev.orderflow.bench.observe.TopicScan;
import dev.orderflow.bench.orders.OrderMix;
import dev.orderflow.bench.pipeline.PipelineResources;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.ServiceProcess;
import dev.orderflow.devservers.meta.FaultRule;
import dev.orderflow.devservers.meta.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole pipeline, every service its own process, first in steady state and then under one fault
 * at a time, all against one running deployment. Each scenario uses order ids of its own and is
 * judged only on them: every valid order exactly one message on the right platform to the right
 * recipient with the right total, every invalid one a rejection, every unroutable one an unroutable
 * record with its reason; nothing lost, duplicates only within the senders' documented window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderPipelineIT {
  /** The senders' documented window: messages Meta accepted whose ledger write a crash lost. */
  private static final int SENDER_WINDOW = E2eServiceSettings.SENDER_IN_FLIGHT;

  private final FaultReport report = new FaultReport();
  private E2eEnvironment env;

  @BeforeAll
  void startPipeline() throws Exception {
    Assumptions.assumeTrue(
        E2eEnvironment.servicesAvailable(), "the four services are not built in this checkout");
    env = E2eEnvironment.start();
  }

  @AfterEach
  void clearFaults() {
    if (env != null) {
      env.meta().clearFaults();
    }
  }

  @AfterAll
  void stopPipeline() {
    if (env != null) {
      report.write(env.workDir.resolve("fault-report.md"));
      env.close();
    }
  }

  @Test
  @Order(1)
  void everyOrderOfARealisticMixEndsAsExactlyOneOutcome() {
    ScenarioResult result =
        scenario("steady")
            .orders(2_000, OrderMix.realistic(), 200)
            .patience(Duration.ofMinutes(3))
            .run();

    assertExact(result);
    assertThat(result.reconciliation().matchedByKind())
        .containsKeys("delivered-whatsapp", "delivered-instagram", "rejected")
        .containsKeys("unroutable-UNKNOWN_BUYER", "unroutable-OPTED_OUT", "unroutable-NO_PLATFORM");
  }

  @Test
  @Order(2)
  void aSenderKilledWithSigkillAndRestartedLosesNothing() {
    ServiceProcess sender = env.pipeline.get(ServiceKind.WHATSAPP_SENDER);
    ScenarioResult result =
        scenario("sender-kill9")
            .orders(300, OrderMix.deliverableOnly(), 100)
            .fault(0.5, () -> restart(sender))
            .afterLoad(() -> sender.awaitReady(Duration.ofSeconds(90)))
            .allowDuplicates(SENDER_WINDOW)
            .run();

    assertWithinWindow(result);
  }

  @Test
  @Order(3)
  void theRouterKilledWithSigkillAndRestartedLosesAndDoublesNothing() {
    ServiceProcess router = env.pipeline.get(ServiceKind.NOTIFICATION_ROUTER);
    ScenarioResult result =
        scenario("router-kill9")
            .orders(300, OrderMix.realistic(), 100)
            .fault(0.5, () -> restart(router))
            .afterLoad(() -> router.awaitReady(Duration.ofSeconds(90)))
            .run();

    assertExact(result);
  }

  @Test
  @Order(4)
  void aBrokerRestartLosesNothing() {
    ScenarioResult result =
        scenario("broker-restart")
            .orders(300, OrderMix.realistic(), 100)
            .fault(
                0.5,
                () -> {
                  env.broker.stop();
                  env.broker.start();
                })
            .afterLoad(() -> env.pipeline.awaitAllReady())
            .allowDuplicates(2 * SENDER_WINDOW)
            .patience(Duration.ofMinutes(3))
            .run();

    assertWithinWindow(result);
  }

  @Test
  @Order(5)
  void metaServerErrorBurstsAreRetriedUntilDeliveredOnce() {
    long before = env.meta().stats().rejected(2);
    ScenarioResult result =
        scenario("meta-5xx")
            .orders(300, OrderMix.deliverableOnly(), 100)
            .fault(
                0.3,
                () ->
                    env.meta()
                        .addFaults(
                            FaultRule.http5xx(Platform.WHATSAPP, 503, 2).times(40),
                            FaultRule.http5xx(Platform.INSTAGRAM, 500).times(20)))
            .run();

    assertExact(result);
    assertThat(env.meta().stats().rejected(2) - before).isEqualTo(40);
  }

  @Test
  @Order(6)
  void aThrottlingStormSlowsTheSendersDownWithoutLosingOrders() {
    ScenarioResult result =
        scenario("throttling")
            .orders(300, OrderMix.deliverableOnly(), 100)
            .fault(
                0.3,
                () ->
                    env.meta()
                        .addFaults(
                            FaultRule.error(Platform.WHATSAPP, 130429)
                                .lasting(Duration.ofSeconds(4)),
                            FaultRule.error(Platform.INSTAGRAM, 613)
                                .lasting(Duration.ofSeconds(4))))
            .run();

    assertExact(result);
    assertThat(env.meta().stats().rejected(130429)).isPositive();
  }

  @Test
  @Order(7)
  void anExpiredTokenIsRotatedInTheSecretWithoutLosingOrders() {
    String whatsapp = "rotated-wa-" + env.runId;
    String instagram = "rotated-ig-" + env.runId;
    ScenarioResult result =
        scenario("token-rotation")
            .orders(300, OrderMix.deliverableOnly(), 100)
            .fault(
                0.3,
                () -> {
                  // Meta expires the old tokens first; the secret catches up a moment later.
                  env.meta().setValidToken(Platform.WHATSAPP, whatsapp);
                  env.meta().setValidToken(Platform.INSTAGRAM, instagram);
                  env.resources.putSecret(
                      env.names.secretName(), PipelineResources.credentials(whatsapp, instagram));
                })
            .patience(Duration.ofMinutes(2))
            .run();

    assertExact(result);
    assertThat(env.meta().stats().rejected(190)).isPositive();
  }

  @Test
  @Order(8)
  void aBurstOfPoisonPillsIsRejectedWithoutBlockingGoodOrders() {
    int pills = 120;
    List<PoisonPills.Position> positions = new ArrayList<>();
    ScenarioResult result =
        scenario("poison-pills")
            .orders(300, OrderMix.realistic(), 100)
            .fault(
                0.5,
                () ->
                    positions.addAll(PoisonPills.send(env.producer, env.names.submitted(), pills)))
            .run();

    assertExact(result);
    Set<PoisonPills.Position> expected = Set.copyOf(positions);
    await("every poison pill has a rejection")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(rejectedPositions())
                    .as("rejections of the pills' partition/offset")
                    .containsAll(expected));
  }

  private Set<PoisonPills.Position> rejectedPositions() {
    return SideRecords.rejections(
            TopicScan.all(env.broker.bootstrapServers(), env.names.rejected()))
        .stream()
        .map(
            r ->
                new PoisonPills.Position(
                    r.json().path("source").path("partition").asInt(),
                    r.json().path("source").path("offset").asLong()))
        .collect(Collectors.toSet());
  }

  private Scenario scenario(String name) {
    return new Scenario(env, name, report::add);
  }

  private static void restart(ServiceProcess service) {
    service.kill();
    service.start();
  }

  private static void assertExact(ScenarioResult result) {
    assertThat(result.reconciliation().lost()).as("lost orders").isEmpty();
    assertThat(result.reconciliation().wrong()).as("wrong outcomes").isEmpty();
    assertThat(result.reconciliation().duplicates()).as("duplicated outcomes").isEmpty();
  }

  private static void assertWithinWindow(ScenarioResult result) {
    assertThat(result.reconciliation().lost()).as("lost orders").isEmpty();
    assertThat(result.reconciliation().wrong()).as("wrong outcomes").isEmpty();
    assertThat(result.reconciliation().duplicateCount())
        .as("duplicates beyond the senders' documented window")
        .isLessThanOrEqualTo(result.allowedDuplicates());
  }
}
