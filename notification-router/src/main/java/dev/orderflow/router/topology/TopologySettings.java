package dev.orderflow.router.topology;

import dev.orderflow.router.render.RenderSettings;
import java.util.Objects;

/**
 * Everything the topology's behaviour depends on, apart from its topics ({@link RouterTopics}) and
 * collaborators.
 */
public record TopologySettings(
    RecheckSettings recheck, RenderSettings render, BatchSettings batch) {

  public TopologySettings {
    Objects.requireNonNull(recheck, "recheck");
    Objects.requireNonNull(render, "render");
    Objects.requireNonNull(batch, "batch");
  }

  /** With the default look-up batching. */
  public TopologySettings(RecheckSettings recheck, RenderSettings render) {
    this(recheck, render, BatchSettings.defaults());
  }

  public static TopologySettings defaults() {
    return new TopologySettings(RecheckSettings.defaults(), RenderSettings.defaults());
  }
}
