package dev.orderflow.bench.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.observe.SideRecords.Rejection;
import dev.orderflow.bench.observe.SideRecords.Unroutable;
import dev.orderflow.bench.orders.Expectation;
import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.devservers.meta.Platform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
  private static final Instant AT = Instant.parse("2026-11-26T09:15:01Z");
  private static final RunPlan PLAN =
      new RunPlan(
          "r",
          List.of(),
          List.of(
              order("r-0", new Expectation.Delivered(Platform.WHATSAPP, "234801", 500)),
              order("r-1", new Expectation.Rejected()),
              order("r-2", new Expectation.Unroutable("OPTED_OUT"))));

  @Test
  void oneRightOutcomePerOrderIsComplete() {
    Reconciliation result =
        Reconciliation.of(
            PLAN,
            List.of(delivery("r-0", "234801", 500)),
            List.of(rejection("r-1")),
            List.of(new Unroutable("v:r-2", "OPTED_OUT", null)));

    assertThat(result.nothingLostOrWrong()).isTrue();
    assertThat(result.duplicateCount()).isZero();
    assertThat(result.matchedByKind())
        .containsEntry("delivered-whatsapp", 1)
        .containsEntry("rejected", 1)
        .containsEntry("unroutable-OPTED_OUT", 1);
  }

  @Test
  void aMissingOutcomeIsLostAndASecondMessageIsADuplicate() {
    Reconciliation result =
        Reconciliation.of(
            PLAN,
            List.of(delivery("r-0", "234801", 500), delivery("r-0", "234801", 500)),
            List.of(rejection("r-1")),
            List.of());

    assertThat(result.lost()).containsExactly("r-2 (unroutable-OPTED_OUT)");
    assertThat(result.duplicates()).containsEntry("r-0", 1);
  }

  @Test
  void aWrongTotalRecipientOrReasonIsWrong() {
    Reconciliation result =
        Reconciliation.of(
            PLAN,
            List.of(delivery("r-0", "234801", 499)),
            List.of(),
            List.of(
                new Unroutable("v:r-2", "UNKNOWN_BUYER", null),
                new Unroutable("v:r-1", "NO_PLATFORM", null)));

    assertThat(result.wrong())
        .containsExactly(
            "r-0: total 499, expected 500",
            "r-1: became Unroutable, expected rejected",
            "r-2: unroutable for UNKNOWN_BUYER, expected OPTED_OUT");
  }

  @Test
  void outcomesOfOtherRunsAreIgnored() {
    Reconciliation result =
        Reconciliation.of(
            PLAN,
            List.of(delivery("other-0", "234801", 500)),
            List.of(rejection("other-1")),
            List.of());

    assertThat(result.lost()).hasSize(3);
    assertThat(result.wrong()).isEmpty();
  }

  private static PlannedOrder order(String id, Expectation expectation) {
    return new PlannedOrder("v", id, "b-" + id, new byte[0], expectation);
  }

  private static Delivery delivery(String id, String recipient, long total) {
    return new Delivery(id, Platform.WHATSAPP, recipient, total, AT, "m");
  }

  private static Rejection rejection(String id) {
    return new Rejection("v", id, List.of("TOTAL_MISMATCH"), null);
  }
}
