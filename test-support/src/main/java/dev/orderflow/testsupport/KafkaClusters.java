package dev.orderflow.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** Starts (or finds) the Kafka cluster for a mode. */
final class KafkaClusters {
  static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
  private static final Logger LOGGER = LoggerFactory.getLogger(KafkaClusters.class);

  private KafkaClusters() {}

  static KafkaCluster start(KafkaMode mode, StackSettings settings) {
    KafkaCluster cluster =
        switch (mode) {
          case STACK -> stack(settings);
          case CONTAINER -> container();
          case IN_PROCESS -> inProcess();
          case AUTO -> throw new IllegalArgumentException("resolve AUTO first");
        };
    LOGGER.info("tests use Kafka mode={} bootstrap={}", mode, cluster.bootstrapServers());
    return cluster;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static KafkaCluster stack(StackSettings settings) {
    String servers = settings.kafkaBootstrapServers().orElse(StackSettings.STACK_KAFKA_DEFAULT);
    Reachability.requireKafka(servers);
    return new Running(servers, KafkaMode.STACK, () -> {});
  }

  private static KafkaCluster container() {
    long start = System.nanoTime();
    KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
    container.start();
    LOGGER.info("Kafka container started in {} ms", (System.nanoTime() - start) / 1_000_000);
    return new Running(container.getBootstrapServers(), KafkaMode.CONTAINER, container::stop);
  }

  private static KafkaCluster inProcess() {
    long start = System.nanoTime();
    KafkaClusterTestKit cluster = null;
    try {
      cluster = buildInProcess();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      closeQuietly(cluster);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("in-process Kafka cluster did not start", e);
    }
    LOGGER.info(
        "in-process KRaft cluster started in {} ms at {}",
        (System.nanoTime() - start) / 1_000_000,
        cluster.bootstrapServers());
    return new Running(cluster.bootstrapServers(), KafkaMode.IN_PROCESS, cluster::close);
  }

  /** One combined broker and controller, with every internal topic at replication factor 1. */
  private static KafkaClusterTestKit buildInProcess() throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .build();
    return new KafkaClusterTestKit.Builder(nodes)
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      LOGGER.warn("in-process Kafka cluster did not close: {}", e.toString());
    }
  }

  private interface Stopper {
    void stop() throws Exception;
  }

  private record Running(String bootstrapServers, KafkaMode mode, Stopper stopper)
      implements KafkaCluster {
    @Override
    public void close() {
      try {
        stopper.stop();
      } catch (Exception e) {
        LOGGER.warn("Kafka ({}) did not stop cleanly: {}", mode, e.toString());
      }
    }
  }
}
