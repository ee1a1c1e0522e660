package dev.orderflow.devservers.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaGraphSimulatorTest {

  @Test
  void withoutOptionsTheSimulatorUsesPort8090AndMetasDocumentedLimits() {
    MetaGraphSimulator command = new MetaGraphSimulator();
    MetaGraphSimulator.commandLine(command).parseArgs();

    SimulatorConfig config = command.config();

    assertThat(config).isEqualTo(SimulatorConfig.defaults());
    assertThat(config.settings().whatsapp().ratePerSecond()).isEqualTo(80);
    assertThat(config.settings().instagram().ratePerSecond()).isEqualTo(300);
    assertThat(config.settings().pairIntervalMs()).isEqualTo(6_000);
  }

  @Test
  void commandLineOptionsBecomeTheStartupSettings() {
    MetaGraphSimulator command = new MetaGraphSimulator();
    MetaGraphSimulator.commandLine(command)
        .parseArgs(
            "--port",
            "9999",
            "--latency-ms",
            "100",
            "--jitter-ms",
            "20",
            "--whatsapp-mps",
            "1000",
            "--instagram-rps",
            "50",
            "--pair-interval-ms",
            "0",
            "--whatsapp-token",
            "wa-secret",
            "--whatsapp-phone-number-id",
            "111,222",
            "--instagram-token",
            "ig-secret",
            "--instagram-account-id",
            "333");

    SimulatorConfig config = command.config();

    assertThat(config.port()).isEqualTo(9999);
    assertThat(config.settings().whatsapp())
        .isEqualTo(new PlatformSettings("wa-secret", List.of("111", "222"), 100, 20, 1000, false));
    assertThat(config.settings().instagram())
        .isEqualTo(new PlatformSettings("ig-secret", List.of("333"), 100, 20, 50, true));
    assertThat(config.settings().pairIntervalMs()).isZero();
  }

  @Test
  void anInvalidSettingStopsStartUpWithOneLineNamingIt() {
    StringWriter err = new StringWriter();

    int exitCode =
        MetaGraphSimulator.commandLine(new MetaGraphSimulator())
            .setErr(new PrintWriter(err))
            .execute("--port", "0", "--whatsapp-mps", "0");

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("meta-graph-simulator: ratePerSecond must be at least 1, got 0");
  }
}
