package dev.orderflow.bench.observe;

import dev.orderflow.bench.observe.SideRecords.Rejection;
import dev.orderflow.bench.observe.SideRecords.Unroutable;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.bench.pipeline.PipelineNames;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import java.util.ArrayList;
import java.util.List;

/** A snapshot of everything the pipeline has put out: Meta's messages and the side topics. */
public record PipelineOutcomes(
    List<Delivery> deliveries, List<Rejection> rejections, List<Unroutable> unroutables) {

  public static PipelineOutcomes read(
      String bootstrapServers, PipelineNames names, MetaSimulatorClient meta) {
    List<Delivery> deliveries = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      deliveries.addAll(DeliveryReader.read(meta.messages(platform)));
    }
    return new PipelineOutcomes(
        deliveries,
        SideRecords.rejections(TopicScan.all(bootstrapServers, names.rejected())),
        SideRecords.unroutables(TopicScan.all(bootstrapServers, names.unroutable())));
  }

  public Reconciliation reconcile(RunPlan plan) {
    return Reconciliation.of(plan, deliveries, rejections, unroutables);
  }
}
