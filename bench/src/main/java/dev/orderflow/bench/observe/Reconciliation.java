package dev.orderflow.bench.observe;

import dev.orderflow.bench.observe.SideRecords.Rejection;
import dev.orderflow.bench.observe.SideRecords.Unroutable;
import dev.orderflow.bench.orders.Expectation;
import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.bench.orders.RunPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every planned order against what came out: exactly one delivery (right platform, recipient and
 * total), one rejection, or one unroutable record (right reason). Outcomes of other runs are
 * ignored; ids are the run's vendor order ids.
 *
 * @param lost orders with no outcome at all
 * @param wrong orders whose outcome is of the wrong kind or carries wrong data, with why
 * @param duplicates extra outcomes per order (2 messages for one order count 1)
 */
public record Reconciliation(
    int planned,
    Map<String, Integer> expectedByKind,
    Map<String, Integer> matchedByKind,
    List<String> lost,
    List<String> wrong,
    Map<String, Integer> duplicates) {

  public static Reconciliation of(
      RunPlan plan,
      List<Delivery> deliveries,
      List<Rejection> rejections,
      List<Unroutable> unroutables) {
    Map<String, PlannedOrder> byId = plan.byVendorOrderId();
    Map<String, List<Object>> outcomes = new HashMap<>();
    deliveries.forEach(d -> add(outcomes, byId, d.vendorOrderId(), d));
    rejections.forEach(r -> add(outcomes, byId, r.vendorOrderId(), r));
    Map<String, String> vendorIdOf = new HashMap<>();
    plan.orders().forEach(o -> vendorIdOf.put(o.orderId(), o.vendorOrderId()));
    unroutables.forEach(u -> add(outcomes, byId, vendorIdOf.get(u.orderId()), u));

    Map<String, Integer> expected = new TreeMap<>();
    Map<String, Integer> matched = new TreeMap<>();
    List<String> lost = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> duplicates = new TreeMap<>();
    for (PlannedOrder order : plan.orders()) {
      String kind = kind(order.expected());
      expected.merge(kind, 1, Integer::sum);
      List<Object> seen = outcomes.getOrDefault(order.vendorOrderId(), List.of());
      if (seen.isEmpty()) {
        lost.add(order.vendorOrderId() + " (" + kind + ")");
        continue;
      }
      String problem = mismatch(order.expected(), seen.get(0));
      if (problem != null) {
        wrong.add(order.vendorOrderId() + ": " + problem);
      } else {
        matched.merge(kind, 1, Integer::sum);
      }
      if (seen.size() > 1) {
        duplicates.put(order.vendorOrderId(), seen.size() - 1);
      }
    }
    return new Reconciliation(plan.orders().size(), expected, matched, lost, wrong, duplicates);
  }

  public boolean nothingLostOrWrong() {
    return lost.isEmpty() && wrong.isEmpty();
  }

  public int duplicateCount() {
    return duplicates.values().stream().mapToInt(Integer::intValue).sum();
  }

  public String summary() {
    return "planned=%d expected=%s matched=%s lost=%d wrong=%d duplicates=%d%s%s"
        .formatted(
            planned,
            expectedByKind,
            matchedByKind,
            lost.size(),
            wrong.size(),
            duplicateCount(),
            lost.isEmpty() ? "" : " firstLost=" + lost.subList(0, Math.min(5, lost.size())),
            wrong.isEmpty() ? "" : " firstWrong=" + wrong.subList(0, Math.min(5, wrong.size())));
  }

  private static void add(
      Map<String, List<Object>> outcomes,
      Map<String, PlannedOrder> byId,
      String vendorOrderId,
      Object outcome) {
    if (vendorOrderId != null && byId.containsKey(vendorOrderId)) {
      outcomes.computeIfAbsent(vendorOrderId, k -> new ArrayList<>()).add(outcome);
    }
  }

  static String kind(Expectation expectation) {
    return switch (expectation) {
      case Expectation.Delivered d -> "delivered-" + d.platform().wireName();
      case Expectation.Rejected r -> "rejected";
      case Expectation.Unroutable u -> "unroutable-" + u.reason();
    };
  }

  /** Null when the outcome is what was expected, else what is wrong with it. */
  static String mismatch(Expectation expected, Object outcome) {
    return switch (expected) {
      case Expectation.Delivered want when outcome instanceof Delivery got -> {
        if (got.platform() != want.platform()) {
          yield "sent on " + got.platform() + ", expected " + want.platform();
        }
        if (!got.recipient().equals(want.recipient())) {
          yield "sent to another recipient";
        }
        yield got.totalMinor() == want.totalMinor()
            ? null
            : "total " + got.totalMinor() + ", expected " + want.totalMinor();
      }
      case Expectation.Rejected want when outcome instanceof Rejection -> null;
      case Expectation.Unroutable want when outcome instanceof Unroutable got ->
          want.reason().equals(got.reason())
              ? null
              : "unroutable for " + got.reason() + ", expected " + want.reason();
      default -> "became " + outcome.getClass().getSimpleName() + ", expected " + kind(expected);
    };
  }
}
