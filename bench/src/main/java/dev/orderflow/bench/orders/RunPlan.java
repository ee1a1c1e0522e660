package dev.orderflow.bench.orders;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The buyers to seed and the orders to produce for one run, in production order. */
public record RunPlan(String runId, List<BuyerProfile> buyers, List<PlannedOrder> orders) {

  public RunPlan {
    buyers = List.copyOf(buyers);
    orders = List.copyOf(orders);
  }

  /** Orders by their vendor order id, which every outcome carries in some form. */
  public Map<String, PlannedOrder> byVendorOrderId() {
    return orders.stream()
        .collect(Collectors.toMap(PlannedOrder::vendorOrderId, Function.identity()));
  }

  public long count(Class<? extends Expectation> kind) {
    return orders.stream().filter(o -> kind.isInstance(o.expected())).count();
  }
}
