package dev.orderflow.ops.provision;

import java.util.List;
import java.util.Map;

/** The whole of {@code provisioning/pipeline.yaml}; each part validates itself. */
public record PipelineSpec(
    Map<String, EnvironmentSpec> environments,
    List<TopicSpec> topics,
    List<TableSpec> tables,
    RegistrySpec registry,
    SecretSpec secret) {

  public PipelineSpec {
    environments = Map.copyOf(Specs.required(environments, "environments"));
    topics = List.copyOf(topics == null ? List.of() : topics);
    tables = List.copyOf(tables == null ? List.of() : tables);
    Specs.unique(topics.stream().map(TopicSpec::name).toList(), "topics[].name");
    Specs.unique(tables.stream().map(TableSpec::name).toList(), "tables[].name");
  }

  EnvironmentSpec environment(String name) {
    EnvironmentSpec environment = environments.get(name);
    if (environment == null) {
      throw new InvalidSpecException(
          "environments: no environment '" + name + "'; the file has " + environments.keySet());
    }
    return environment;
  }
}
