package dev.orderflow.bench.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderPlannerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T09:15:00Z"), ZoneOffset.UTC);

  @Test
  void everyOrderOfARunHasItsOwnIdAndEveryDeliverableOneItsOwnRecipient() {
    RunPlan plan = new OrderPlanner("r1", OrderMix.realistic(), 600, 7, CLOCK).plan(2_000);

    Set<String> recipients = new HashSet<>();
    plan.orders().stream()
        .map(PlannedOrder::expected)
        .filter(e -> e instanceof Expectation.Delivered)
        .forEach(e -> assertThat(recipients.add(((Expectation.Delivered) e).recipient())).isTrue());
    assertThat(plan.byVendorOrderId()).hasSize(2_000);
  }

  @Test
  void aDeliverableOrderIsValidIntakeJsonWhoseTotalIsTheSumOfItsLines() throws Exception {
    RunPlan plan = new OrderPlanner("r2", OrderMix.deliverableOnly(), 600, 7, CLOCK).plan(50);

    for (PlannedOrder order : plan.orders()) {
      JsonNode json = JSON.readTree(order.json());
      long sum = 0;
      for (JsonNode item : json.get("items")) {
        sum += item.get("quantity").asLong() * item.get("unitPriceMinor").asLong();
      }
      assertThat(json.get("totalMinor").asLong()).isEqualTo(sum);
      assertThat(json.get("currency").asText()).isEqualTo("NGN");
      assertThat(json.get("submittedAt").asText()).isEqualTo("2026-11-26T09:15:00Z");
      assertThat(((Expectation.Delivered) order.expected()).totalMinor()).isEqualTo(sum);
    }
  }

  @Test
  void ordersArePaddedTowardsThePayloadSize() {
    RunPlan plan = new OrderPlanner("r3", OrderMix.deliverableOnly(), 2_000, 7, CLOCK).plan(20);

    assertThat(plan.orders()).allSatisfy(o -> assertThat(o.json().length).isBetween(1_500, 2_100));
  }

  @Test
  void unroutableBuyersAreSeededButUnknownBuyersAreNot() {
    RunPlan plan =
        new OrderPlanner("r4", OrderMix.parse("unknownBuyer=0.5,optedOut=0.5"), 600, 7, CLOCK)
            .plan(100);

    long optedOut = plan.count(Expectation.Unroutable.class) - unknown(plan);
    assertThat(plan.buyers()).hasSize((int) optedOut).allMatch(BuyerProfile::optedOut);
  }

  @Test
  void whatsappRecipientsAreE164NigerianNumbers() {
    OrderPlanner planner = new OrderPlanner("r5", OrderMix.realistic(), 600, 7, CLOCK);

    assertThat(planner.phone(42)).matches("\\+23480\\d{8}");
    assertThat(planner.scopedId(42)).matches("17\\d{15}");
  }

  @Test
  void aBuyerPoolSpreadsOrdersOverItsBuyersInTurn() {
    RunPlan plan =
        new OrderPlanner("r6", OrderMix.deliverableOnly(), 600, 7, CLOCK)
            .withBuyerPool(100)
            .plan(1_000);

    assertThat(plan.buyers()).hasSize(100);
    java.util.Map<String, Long> perBuyer =
        plan.orders().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    PlannedOrder::buyerId, java.util.stream.Collectors.counting()));
    assertThat(perBuyer).hasSize(100);
    assertThat(perBuyer.values()).allSatisfy(n -> assertThat(n).isBetween(5L, 15L));
  }

  private static long unknown(RunPlan plan) {
    return plan.orders().stream()
        .filter(
            o ->
                o.expected() instanceof Expectation.Unroutable u
                    && u.reason().equals("UNKNOWN_BUYER"))
        .count();
  }
}
