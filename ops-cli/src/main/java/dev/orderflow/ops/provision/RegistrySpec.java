package dev.orderflow.ops.provision;

import java.util.Map;
import java.util.Set;

/** Schema registry compatibility: the global level and one per subject (TopicNameStrategy). */
public record RegistrySpec(String globalCompatibility, Map<String, String> subjects) {
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
    subjects.forEach(
        (subject, level) -> Specs.oneOf(level, LEVELS, "registry.subjects." + subject));
  }
}
