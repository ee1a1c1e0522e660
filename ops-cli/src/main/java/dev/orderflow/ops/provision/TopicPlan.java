package dev.orderflow.ops.provision;

import java.util.Map;
import java.util.TreeMap;

/** A topic as it must be in one environment: the file's values with the environment's defaults. */
record TopicPlan(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {
  static TopicPlan of(TopicSpec topic, EnvironmentSpec environment) {
    int replicationFactor =
        topic.replicationFactor() != null
            ? topic.replicationFactor()
            : environment.replicationFactor();
    int minInsync =
        topic.minInsyncReplicas() != null
            ? topic.minInsyncReplicas()
            : environment.minInsyncReplicas();
    Map<String, String> configs = new TreeMap<>();
    configs.put("retention.ms", Long.toString(topic.retentionMs()));
    configs.put("cleanup.policy", topic.cleanupPolicy());
    configs.put("min.insync.replicas", Integer.toString(minInsync));
    return new TopicPlan(topic.name(), topic.partitions(), (short) replicationFactor, configs);
  }
}
