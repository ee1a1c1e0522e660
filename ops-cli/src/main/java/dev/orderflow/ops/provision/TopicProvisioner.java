package dev.orderflow.ops.provision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/** Creates missing topics, aligns their configs and grows partitions; never deletes or shrinks. */
final class TopicProvisioner {
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;
  private final ProvisionReport report;

  TopicProvisioner(Admin admin, ProvisionReport report) {
    this.admin = admin;
    this.report = report;
  }

  void provision(List<TopicPlan> plans) {
    Set<String> existing = await(admin.listTopics().names());
    List<TopicPlan> missing = plans.stream().filter(p -> !existing.contains(p.name())).toList();
    List<TopicPlan> present = plans.stream().filter(p -> existing.contains(p.name())).toList();
    create(missing);
    if (present.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> descriptions =
        await(admin.describeTopics(names(present)).allTopicNames());
    Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources(present)).all());
    for (TopicPlan plan : present) {
      alignPartitions(plan, descriptions.get(plan.name()));
      alignConfigs(plan, configs.get(resource(plan.name())));
    }
  }

  private void create(List<TopicPlan> missing) {
    for (TopicPlan plan : missing) {
      report.changed(
          "topic " + plan.name(),
          "create with %d partitions, replication factor %d, %s"
              .formatted(plan.partitions(), plan.replicationFactor(), plan.configs()));
    }
    if (missing.isEmpty() || report.dryRun()) {
      return;
    }
    List<NewTopic> topics =
        missing.stream()
            .map(
                p ->
                    new NewTopic(p.name(), p.partitions(), p.replicationFactor())
                        .configs(p.configs()))
            .toList();
    await(admin.createTopics(topics).all());
  }

  private void alignPartitions(TopicPlan plan, TopicDescription description) {
    int actual = description.partitions().size();
    int replicas = description.partitions().getFirst().replicas().size();
    if (replicas != plan.replicationFactor()) {
      report.warning(
          "topic " + plan.name(),
          "replication factor is %d, file says %d; provisioning does not reassign replicas"
              .formatted(replicas, plan.replicationFactor()));
    }
    if (actual > plan.partitions()) {
      report.warning(
          "topic " + plan.name(),
          "has %d partitions, file says %d; partitions are never removed"
              .formatted(actual, plan.partitions()));
    } else if (actual < plan.partitions()) {
      report.changed(
          "topic " + plan.name(), "partitions %d -> %d".formatted(actual, plan.partitions()));
      if (!report.dryRun()) {
        await(
            admin
                .createPartitions(Map.of(plan.name(), NewPartitions.increaseTo(plan.partitions())))
                .all());
      }
    }
  }

  private void alignConfigs(TopicPlan plan, Config actual) {
    List<AlterConfigOp> changes = new ArrayList<>();
    plan.configs()
        .forEach(
            (key, wanted) -> {
              ConfigEntry entry = actual.get(key);
              String current = entry == null ? null : entry.value();
              if (!wanted.equals(current)) {
                report.changed(
                    "topic " + plan.name(), "%s %s -> %s".formatted(key, current, wanted));
                changes.add(
                    new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
              }
            });
    if (!changes.isEmpty() && !report.dryRun()) {
      await(admin.incrementalAlterConfigs(Map.of(resource(plan.name()), changes)).all());
    }
  }

  private static List<String> names(Collection<TopicPlan> plans) {
    return plans.stream().map(TopicPlan::name).toList();
  }

  private static List<ConfigResource> resources(Collection<TopicPlan> plans) {
    return plans.stream().map(p -> resource(p.name())).toList();
  }

  private static ConfigResource resource(String topic) {
    return new ConfigResource(ConfigResource.Type.TOPIC, topic);
  }

  private static <T> T await(KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("interrupted while talking to Kafka", e);
    } catch (ExecutionException e) {
      throw new ProvisioningException("Kafka: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new ProvisioningException(
          "Kafka did not answer within " + TIMEOUT_SECONDS + " s (is the broker up?)", e);
    }
  }
}
