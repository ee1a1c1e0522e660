package dev.orderflow.sender.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.backoff.Backoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryTopologyTest {
  private final RetryTopology topology =
      RetryTopology.of(
          "whatsapp",
          "notify.whatsapp.v1",
          3,
          List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30)),
          2);

  @Test
  void tiersAreNamedAfterTheirDelaysAndFollowTheMainTopic() {
    assertThat(topology.consumedTopics())
        .containsExactly(
            "notify.whatsapp.v1",
            "notify.whatsapp.retry.30s",
            "notify.whatsapp.retry.5m",
            "notify.whatsapp.retry.30m");
    assertThat(topology.deadLetterTopic()).isEqualTo("notify.whatsapp.dlq.v1");
    HopPolicy main = topology.hopOf("notify.whatsapp.v1");
    assertThat(main.hop()).isEqualTo(Hop.MAIN);
    assertThat(topology.after(main).orElseThrow().delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(topology.after(topology.hopOf("notify.whatsapp.retry.30m"))).isEmpty();
  }

  @Test
  void aThrottledRecordWaitsOnItsOwnTierOrTheFirst() {
    HopPolicy fiveMinutes = topology.hopOf("notify.whatsapp.retry.5m");
    assertThat(topology.throttleTier(fiveMinutes)).contains(fiveMinutes);
    assertThat(topology.throttleTier(topology.main()).orElseThrow().tier()).isEqualTo(1);
  }

  @Test
  void delaysNameTheirLargestWholeUnitAndRejectFractions() {
    assertThat(RetryTopology.delayName(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(RetryTopology.delayName(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThatThrownBy(() -> RetryTopology.delayName(Duration.ofMillis(1500)))
        .hasMessageContaining("whole seconds");
  }

  @Test
  void fullJitterStaysUnderTheCappedExponentialBound() {
    Backoff full = Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(1)).withJitter(1);
    Backoff top = full.withRandom(() -> 0.999999);
    assertThat(top.pauseBefore(1)).isLessThan(Duration.ofMillis(200));
    assertThat(top.pauseBefore(2)).isLessThan(Duration.ofMillis(400));
    assertThat(top.pauseBefore(10)).isLessThan(Duration.ofSeconds(1));
    Backoff bottom = full.withRandom(() -> 0.0);
    assertThat(bottom.pauseBefore(3)).isZero();
  }
}
