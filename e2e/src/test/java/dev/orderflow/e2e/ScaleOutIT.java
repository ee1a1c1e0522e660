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
import java.util.Arrays;
import java.util.EnumMap;
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
 * Every service scaled out on its consumer group, as KEDA would: one, two, then three instances of
 * each of order-ingest, the router and both senders (same group, same config, an ops port, instance
 * name and state directory each) on the suite's own broker. Each step is fed a burst of orders that
 * must all end as exactly one outcome, after every group's assignment is checked (every partition
 * of its input topic owned, every member owning some). Then one instance of each service is
 * SIGKILLed at once mid-run and started again: nothing lost or wrong, duplicates only inside the
 * two senders' documented windows, and every group spread over three members again. Throughput per
 * instance count is printed for the report, not asserted: on two shared cores, with one simulated
 * number's 400 msg/s per platform shared by partition, more pods need not be faster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {
  private static final Logger LOGGER = LoggerFactory.getLogger(ScaleOutIT.class);
  private static final int BURST = 1_000;
  private static final Duration REBALANCE = Duration.ofSeconds(120);
  private static final Duration START = Duration.ofSeconds(120);

  private final FaultReport report = new FaultReport();
  private final Map<ServiceKind, List<ServiceProcess>> instances = new EnumMap<>(ServiceKind.class);
  private final List<ServiceProcess> extras = new ArrayList<>();
  private E2eEnvironment env;

  @BeforeAll
  void startPipeline() throws Exception {
    Assumptions.assumeTrue(
        E2eEnvironment.servicesAvailable(), "the four services are not built in this checkout");
    env = E2eEnvironment.start();
    for (ServiceKind kind : ServiceKind.values()) {
      instances.put(kind, new ArrayList<>(List.of(env.pipeline.get(kind))));
    }
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
  void oneTwoAndThreeInstancesOfEveryServiceShareTheirGroupsAndEndEachOrderOnce() {
    Map<Integer, Double> throughput = new LinkedHashMap<>();
    for (int count = 1; count <= 3; count++) {
      // Given: `count` instances of every service, each group's partitions spread over them all
      scaleTo(count);

      // When: a burst of orders, produced faster than the pipeline can deliver them
      ScenarioResult result =
          scenario("scale-" + count)
              .orders(BURST, OrderMix.deliverableOnly(), 2_000)
              .patience(Duration.ofMinutes(3))
              .run();

      // Then
      assertExact(result);
      throughput.put(count, BURST / (result.untilComplete().toMillis() / 1000.0));
    }

    StringBuilder table = new StringBuilder("pipeline throughput per instance count:\n");
    throughput.forEach(
        (n, perSecond) ->
            table.append(
                "  %d instance(s) of each service: %.0f orders/s end to end%n"
                    .formatted(n, perSecond)));
    LOGGER.info("{}", table);
    System.out.println(table);
  }

  @Test
  @Order(2)
  void oneInstanceOfEachServiceKilledMidRunLosesNothingAndTheGroupsRebalance() {
    // Given: three instances of every service
    scaleTo(3);
    List<ServiceProcess> victims =
        Arrays.stream(ServiceKind.values()).map(kind -> instances.get(kind).get(1)).toList();

    // When: one of each is SIGKILLed halfway through the orders and started again
    ScenarioResult killed =
        scenario("scale-3-kill9")
            .orders(600, OrderMix.realistic(), 150)
            .fault(
                0.5,
                () -> {
                  victims.forEach(ServiceProcess::kill);
                  victims.forEach(ServiceProcess::start);
                })
            .afterLoad(() -> victims.forEach(v -> v.awaitReady(START)))
            // The two senders' windows: each may have sent what its ledger had not yet recorded.
            .allowDuplicates(2 * E2eServiceSettings.SENDER_IN_FLIGHT)
            .patience(Duration.ofMinutes(4))
            .run();

    // Then: ingest and routing stay exactly once, and every group shares its partitions again
    assertThat(killed.reconciliation().lost()).as("lost orders").isEmpty();
    assertThat(killed.reconciliation().wrong()).as("wrong outcomes").isEmpty();
    assertThat(killed.reconciliation().duplicateCount())
        .as("duplicates beyond the senders' documented windows")
        .isLessThanOrEqualTo(killed.allowedDuplicates());
    Map<ServiceKind, Map<String, Set<Integer>>> after = awaitEveryGroupSpreadOver(3);
    String summary =
        "after SIGKILL of one of each and re-add: %d duplicates (window %d), assignment %s"
            .formatted(killed.reconciliation().duplicateCount(), killed.allowedDuplicates(), after);
    LOGGER.info("{}", summary);
    System.out.println(summary);
  }

  /**
   * Starts instances until every service has {@code count} (all new ones at once, then each awaited
   * ready), and waits until every group is spread over them.
   */
  private void scaleTo(int count) {
    List<ServiceProcess> started = new ArrayList<>();
    for (ServiceKind kind : ServiceKind.values()) {
      List<ServiceProcess> running = instances.get(kind);
      while (running.size() < count) {
        ServiceProcess extra = extraInstance(kind, running.size() + 1).start();
        running.add(extra);
        started.add(extra);
      }
    }
    started.forEach(s -> s.awaitReady(START));
    awaitEveryGroupSpreadOver(count);
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

  /** Every service's group spread over {@code members}; kind → member → input partitions. */
  private Map<ServiceKind, Map<String, Set<Integer>>> awaitEveryGroupSpreadOver(int members) {
    Map<ServiceKind, Map<String, Set<Integer>>> spread = new EnumMap<>(ServiceKind.class);
    for (ServiceKind kind : ServiceKind.values()) {
      spread.put(kind, awaitSpreadOver(env.names.groupOf(kind), inputTopic(kind), members));
    }
    return spread;
  }

  private String inputTopic(ServiceKind kind) {
    return switch (kind) {
      case ORDER_INGEST -> env.names.submitted();
      case NOTIFICATION_ROUTER -> env.names.created();
      case WHATSAPP_SENDER -> env.names.whatsapp();
      case INSTAGRAM_SENDER -> env.names.instagram();
    };
  }

  /**
   * Waits until the group has exactly {@code members} members, each owning at least one partition
   * of {@code topic}, and all of them owned; returns member client id → partitions.
   */
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
