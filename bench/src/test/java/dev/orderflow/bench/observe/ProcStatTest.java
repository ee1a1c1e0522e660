package dev.orderflow.bench.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void thisJvmHasUsedCpuAndHoldsMemory() {
    assertThat(ProcStat.read(ProcessHandle.current().pid()))
        .hasValueSatisfying(
            stat -> {
              assertThat(stat.cpuTicks()).isPositive();
              assertThat(stat.rssKib()).isGreaterThan(10_000);
            });
  }

  @Test
  void aProcessThatDoesNotExistReadsAsNothing() {
    assertThat(ProcStat.read(Long.MAX_VALUE)).isEmpty();
  }
}
