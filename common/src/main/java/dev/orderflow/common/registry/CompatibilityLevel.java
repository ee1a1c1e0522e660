package dev.orderflow.common.registry;

/** The registry's compatibility rules, spelled as the Confluent API spells them. */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** Whether every earlier version is checked, not only the latest. */
  boolean transitive() {
    return name().endsWith("_TRANSITIVE");
  }

  /** Whether the new schema must read data written with the old ones. */
  boolean checksBackward() {
    return this != NONE && !name().startsWith("FORWARD");
  }

  /** Whether the old schemas must read data written with the new one. */
  boolean checksForward() {
    return this != NONE && !name().startsWith("BACKWARD");
  }
}
