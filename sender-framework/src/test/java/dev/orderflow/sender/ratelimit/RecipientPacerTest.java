package dev.orderflow.sender.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecipientPacerTest {
  private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
  private final RecipientPacer pacer = new RecipientPacer(Duration.ofSeconds(6), clock);

  @Test
  void aRecipientGetsOneSlotPerPaceWhileOthersGoAtOnce() {
    assertThat(pacer.reserve("234801")).isZero();
    assertThat(pacer.reserve("234801")).isEqualTo(Duration.ofSeconds(6));
    assertThat(pacer.reserve("234801")).isEqualTo(Duration.ofSeconds(12));
    assertThat(pacer.reserve("234802")).isZero();
    clock.advance(Duration.ofSeconds(30));
    assertThat(pacer.reserve("234801")).isZero();
  }

  @Test
  void aThrottledRecipientWaitsOutItsPenalty() {
    pacer.throttled("234801", Duration.ofSeconds(30));

    assertThat(pacer.reserve("234801")).isEqualTo(Duration.ofSeconds(30));
    assertThat(pacer.reserve("234802")).isZero();
  }
}
