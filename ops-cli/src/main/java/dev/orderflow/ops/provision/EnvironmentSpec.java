package dev.orderflow.ops.provision;

/**
 * What differs between environments: replication, whether an endpoint without TTL support
 * (dynalite) is only a warning, and where the secret's initial value comes from (local only;
 * production passes {@code --secret-value-file}).
 */
public record EnvironmentSpec(
    Integer replicationFactor,
    Integer minInsyncReplicas,
    boolean ttlUnsupportedIsWarning,
    String secretValueFile) {

  public EnvironmentSpec {
    Specs.positive(replicationFactor, "environments.*.replicationFactor");
    Specs.positive(minInsyncReplicas, "environments.*.minInsyncReplicas");
    if (minInsyncReplicas > replicationFactor) {
      throw new InvalidSpecException(
          "environments.*.minInsyncReplicas: must not exceed replicationFactor "
              + replicationFactor
              + ", got "
              + minInsyncReplicas);
    }
  }
}
