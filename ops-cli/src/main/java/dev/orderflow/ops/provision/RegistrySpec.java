package dev.orderflow.ops.provision;

import java.util.Map;
import java.util.Set;

/**
 * Schema registry settings: the global compatibility level and, per subject (TopicNameStrategy,
 * {@code <topic>-value}), its own level and the contract schema registered under it.
 */
public record RegistrySpec(String globalCompatibility, Map<String, SubjectSpec> subjects) {
  static final Set<String> LEVELS =
      Set.of(
          "NONE",
          "BACKWARD",
          "BACKWARD_TRANSITIVE",
          "FORWARD",
          "FORWARD_TRANSITIVE",
          "FULL",
          "FULL_TRANSITIVE");

  public RegistrySpec {
    Specs.oneOf(globalCompatibility, LEVELS, "registry.globalCompatibility");
    subjects = Map.copyOf(subjects == null ? Map.of() : subjects);
    subjects.forEach((subject, spec) -> Specs.required(spec, "registry.subjects." + subject));
  }
}
