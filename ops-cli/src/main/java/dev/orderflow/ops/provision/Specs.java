package dev.orderflow.ops.provision;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation shared by the spec records; every failure names the key and what was expected. */
final class Specs {
  private Specs() {}

  static <T> T required(T value, String key) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new InvalidSpecException(key + ": required");
    }
    return value;
  }

  static int positive(Integer value, String key) {
    if (required(value, key) < 1) {
      throw new InvalidSpecException(key + ": must be 1 or more, got " + value);
    }
    return value;
  }

  static String oneOf(String value, Set<String> allowed, String key) {
    if (!allowed.contains(required(value, key))) {
      throw new InvalidSpecException(key + ": must be one of " + allowed + ", got " + value);
    }
    return value;
  }

  static void unique(List<String> names, String key) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new InvalidSpecException(key + ": '" + name + "' is declared twice");
      }
    }
  }
}
