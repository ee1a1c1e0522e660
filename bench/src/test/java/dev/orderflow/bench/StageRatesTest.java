package dev.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.report.StageRate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageRatesTest {

  @Test
  void aStageRateAveragesFromItsFirstToItsLastSecondAndKeepsItsPeak() {
    StageRate rate = StageRates.rate("orders.created.v1", Map.of(100L, 10, 101L, 30, 103L, 20));

    assertThat(rate).isEqualTo(new StageRate("orders.created.v1", 60, 15.0, 30));
  }

  @Test
  void theHopThatKeepsLeastOfItsInputIsNamed() {
    List<StageRate> rates =
        List.of(
            new StageRate("orders.submitted.v1.x", 1000, 1000, 1000),
            new StageRate("orders.created.v1.x", 950, 950, 950),
            new StageRate("orders.rejected.v1.x", 50, 50, 50),
            new StageRate("notify.whatsapp.v1.x", 100, 100, 100),
            new StageRate("notify.instagram.v1.x", 50, 50, 50),
            new StageRate("notify.unroutable.v1.x", 10, 10, 10),
            new StageRate("Meta received (both platforms)", 150, 150, 150));

    assertThat(StageRates.slowestStage(rates))
        .contains("order-ingest 100 %")
        .contains("notification-router 17 %")
        .endsWith("is notification-router.");
  }
}
