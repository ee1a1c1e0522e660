package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.bench.orders.OrderMix;
import dev.orderflow.bench.pipeline.LaunchCommand;
import dev.orderflow.bench.pipeline.ServiceKind;
import dev.orderflow.bench.pipeline.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whatsapp-sender scaled out on its consumer group, as KEDA would: one, two, then three
 * instances of the same service (same group, same config, an ops port and instance name each) on
 * the suite's own broker, each step fed a burst of orders that must all end as exactly one outcome,
 * and each step's group assignment checked (every main-topic partition owned, every member owning
 * some). Then one of the three is SIGKILLed mid-run and added back: nothing lost, duplicates only
 * inside the senders' documented window, and the partitions spread over three members again.
 * Throughput per instance count is logged for the report, not asserted: on two shared cores, with
 * one simulated number's 400 msg/s shared by partition, more pods need not be faster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(ScaleOutIT.class);
  private static final int BURST = 1_000;
  private static final Duration REBALANCE = Duration.ofSeconds(120);

  private final FaultReport report = new FaultReport();
  private final List<ServiceProcess> senders = new ArrayList<>();
  private final List<ServiceProcess> extras = new ArrayList<>();
  private E2eEnvironment env;

  @BeforeAll
  void startPipeline() throws Exception {
    Assumptions.assumeTrue(
        E2eEnvironment.servicesAvailable(), "the four services are not built in this checkout");
    env = E2eEnvironment.start();
    senders.add(env.pipeline.get(ServiceKind.WHATSAPP_SENDER));
  }

  @AfterAll
  void stopPipeline() {
    extras.forEach(ServiceProcess::stop);
    if (env != null) {
      report.write(env.workDir.resolve("scale-out-report.md"));
      env.close();
    }
  }

  @Test
  @Order(1)
  void threeSendersShareTheGroupAndSurviveOneKilledAndAddedBack() {
    Map<Integer, Double> throughput = new LinkedHashMap<>();
    for (int instances = 1; instances <= 3; instances++) {
      // Given: `instances` senders in the group, the partitions spread over all of them
      if (instances > 1) {
        senders.add(
            extraInstance(ServiceKind.WHATSAPP_SENDER, instances)
                .start()
                .awaitReady(Duration.ofSeconds(120)));
      }
      awaitSpreadOver(instances);

      // When: a burst of orders, produced faster than the senders can send
      ScenarioResult result =
          scenario("scale-" + instances)
              .orders(BURST, OrderMix.deliverableOnly(), 2_000)
              .patience(Duration.ofMinutes(3))
              .run();

      // Then
      assertExact(result);
      throughput.put(instances, BURST / (result.untilComplete().toMillis() / 1000.0));
    }

    // A member killed with SIGKILL mid-run, and added back
    ServiceProcess victim = senders.get(1);
    ScenarioResult killed =
        scenario("scale-3-kill9")
            .orders(600, OrderMix.deliverableOnly(), 150)
            .fault(
                0.5,
                () -> {
                  victim.kill();
                  victim.start();
                })
            .afterLoad(() -> victim.awaitReady(Duration.ofSeconds(120)))
            .allowDuplicates(E2eServiceSettings.SENDER_IN_FLIGHT)
            .patience(Duration.ofMinutes(4))
            .run();

    assertThat(killed.reconciliation().lost()).as("lost orders").isEmpty();
    assertThat(killed.reconciliation().wrong()).as("wrong outcomes").isEmpty();
    assertThat(killed.reconciliation().duplicateCount())
        .as("duplicates beyond the senders' documented window")
        .isLessThanOrEqualTo(killed.allowedDuplicates());
    Map<String, Set<Integer>> after = awaitSpreadOver(3);

    StringBuilder table = new StringBuilder("whatsapp-sender throughput per instance count:\n");
    throughput.forEach(
        (n, perSecond) ->
            table.append("  %d instance(s): %.0f orders/s end to end\n".formatted(n, perSecond)));
    table.append(
        "  after SIGKILL and re-add: %d duplicates (window %d), assignment %s"
            .formatted(
                killed.reconciliation().duplicateCount(), killed.allowedDuplicates(), after));
    LOGGER.info("{}", table);
    System.out.println(table);
  }

  @Test
  @Order(2)
  void threeRoutersShareTheApplicationAndOneKilledMidRunDoublesNothing() {
    // Given: three routers in one Streams application, orders.created spread over all of them
    String group = env.names.groupOf(ServiceKind.NOTIFICATION_ROUTER);
    List<ServiceProcess> routers = new ArrayList<>();
    routers.add(env.pipeline.get(ServiceKind.NOTIFICATION_ROUTER));
    for (int number = 2; number <= 3; number++) {
      routers.add(
          extraInstance(ServiceKind.NOTIFICATION_ROUTER, number)
              .start()
              .awaitReady(Duration.ofSeconds(120)));
    }
    awaitSpreadOver(group, env.names.created(), 3);
    ServiceProcess victim = routers.get(1);

    // When: one is SIGKILLed halfway through the orders and started again
    ScenarioResult result =
        scenario("router-3-kill9")
            .orders(600, OrderMix.realistic(), 150)
            .fault(
                0.5,
                () -> {
                  victim.kill();
                  victim.start();
                })
            .afterLoad(() -> victim.awaitReady(Duration.ofSeconds(120)))
            .patience(Duration.ofMinutes(4))
            .run();

    // Then: exactly-once routing survives it, and the three share the partitions again
    assertExact(result);
    Map<String, Set<Integer>> after = awaitSpreadOver(group, env.names.created(), 3);
    System.out.println("notification-router after SIGKILL and re-add: assignment " + after);
  }

  /** A further instance of a service: the first one's environment, its own port, name and state. */
  private ServiceProcess extraInstance(ServiceKind kind, int number) {
    ServiceProcess first = env.pipeline.get(kind);
    Map<String, String> environment = first.environment();
    int port = freePort();
    environment.put("OPS_PORT", Integer.toString(port));
    environment.put("SERVICE_INSTANCE", environment.get("SERVICE_INSTANCE") + "-" + number);
    environment.computeIfPresent("KAFKA_STREAMS_STATE_DIR", (k, dir) -> dir + "-" + number);
    ServiceProcess extra =
        new ServiceProcess(
            first.name() + "-" + number,
            LaunchCommand.of(
                kind, E2eEnvironment.repositoryRoot(), System.getProperty("java.class.path")),
            environment,
            port,
            env.workDir.resolve("services"));
    extras.add(extra);
    return extra;
  }

  /**
   * Waits until the group has exactly {@code members} members, each owning at least one partition
   * of the main topic, and all of them owned; returns member client id → main partitions.
   */
  private Map<String, Set<Integer>> awaitSpreadOver(int members) {
    return awaitSpreadOver(
        env.names.groupOf(ServiceKind.WHATSAPP_SENDER), env.names.whatsapp(), members);
  }

  private Map<String, Set<Integer>> awaitSpreadOver(String group, String topic, int members) {
    Map<String, Set<Integer>> last = new TreeMap<>();
    await(group + " spread over " + members + " members")
        .atMost(REBALANCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Map<String, Set<Integer>> owned = mainPartitions(group, topic);
              last.clear();
              last.putAll(owned);
              assertThat(owned).as("members of " + group).hasSize(members);
              assertThat(owned.values()).allSatisfy(p -> assertThat(p).isNotEmpty());
              Set<Integer> all = new TreeSet<>();
              owned.values().forEach(all::addAll);
              assertThat(all).hasSize(E2eEnvironment.PARTITIONS);
            });
    LOGGER.info("group={} members={} assignment={}", group, members, last);
    return Map.copyOf(last);
  }

  private Map<String, Set<Integer>> mainPartitions(String group, String topic) throws Exception {
    ConsumerGroupDescription description =
        env.clients
            .admin()
            .describeConsumerGroups(List.of(group))
            .describedGroups()
            .get(group)
            .get(10, TimeUnit.SECONDS);
    Map<String, Set<Integer>> owned = new TreeMap<>();
    for (MemberDescription member : description.members()) {
      Set<Integer> partitions = new TreeSet<>();
      for (TopicPartition tp : member.assignment().topicPartitions()) {
        if (tp.topic().equals(topic)) {
          partitions.add(tp.partition());
        }
      }
      owned.put(member.clientId() + "/" + member.consumerId(), partitions);
    }
    return owned;
  }

  private Scenario scenario(String name) {
    return new Scenario(env, name, report::add);
  }

  private static void assertExact(ScenarioResult result) {
    assertThat(result.reconciliation().lost()).as("lost orders").isEmpty();
    assertThat(result.reconciliation().wrong()).as("wrong outcomes").isEmpty();
    assertThat(result.reconciliation().duplicates()).as("duplicated outcomes").isEmpty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
