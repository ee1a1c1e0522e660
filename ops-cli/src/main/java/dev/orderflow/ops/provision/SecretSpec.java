package dev.orderflow.ops.provision;

import java.util.List;

/**
 * The credentials secret: {@code {env}} in the name stands for the environment; its JSON value must
 * hold every one of {@code requiredKeys}.
 */
public record SecretSpec(String name, List<String> requiredKeys) {
  public SecretSpec {
    Specs.required(name, "secret.name");
    requiredKeys = List.copyOf(requiredKeys == null ? List.of() : requiredKeys);
  }

  String nameFor(String environment) {
    return name.replace("{env}", environment);
  }
}
