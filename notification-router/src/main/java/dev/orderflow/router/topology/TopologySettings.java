package dev.orderflow.router.topology;

import dev.orderflow.router.render.RenderSettings;
import java.util.Objects;

/** Everything the topology's shape and behaviour depend on, apart from its collaborators. */
public record TopologySettings(
    RouterTopics topics, RecheckSettings recheck, RenderSettings render) {

  public TopologySettings {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(recheck, "recheck");
    Objects.requireNonNull(render, "render");
  }

  public static TopologySettings defaults() {
    return new TopologySettings(
        RouterTopics.defaults(), RecheckSettings.defaults(), RenderSettings.defaults());
  }
}
