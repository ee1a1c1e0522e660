package dev.orderflow.router.topology;

import dev.orderflow.router.render.RenderSettings;
import java.util.Objects;

/** Everything the topology's shape and behaviour depend on, apart from its collaborators. */
public record TopologySettings(
    RouterTopics topics, RecheckSettings recheck, RenderSettings render, BatchSettings batch) {

  public TopologySettings {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(recheck, "recheck");
    Objects.requireNonNull(render, "render");
    Objects.requireNonNull(batch, "batch");
  }

  /** With the default look-up batching. */
  public TopologySettings(RouterTopics topics, RecheckSettings recheck, RenderSettings render) {
    this(topics, recheck, render, BatchSettings.defaults());
  }

  public static TopologySettings defaults() {
    return new TopologySettings(
        RouterTopics.defaults(), RecheckSettings.defaults(), RenderSettings.defaults());
  }
}
