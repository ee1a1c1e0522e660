package dev.orderflow.ops.provision;

import java.util.Set;

/** One topic; replication settings left out take the environment's. */
public record TopicSpec(
    String name,
    Integer partitions,
    Long retentionMs,
    String cleanupPolicy,
    Integer replicationFactor,
    Integer minInsyncReplicas) {

  private static final Set<String> CLEANUP_POLICIES = Set.of("delete", "compact", "compact,delete");

  public TopicSpec {
    Specs.required(name, "topics[].name");
    Specs.positive(partitions, "topics[" + name + "].partitions");
    if (Specs.required(retentionMs, "topics[" + name + "].retentionMs") < -1) {
      throw new InvalidSpecException(
          "topics[" + name + "].retentionMs: must be -1 (forever) or more, got " + retentionMs);
    }
    Specs.oneOf(cleanupPolicy, CLEANUP_POLICIES, "topics[" + name + "].cleanupPolicy");
  }
}
