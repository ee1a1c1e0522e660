package dev.orderflow.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

  @Test
  void aServiceKilledWithSigkillComesBackReadyUnderANewPid(@TempDir Path logs) {
    int port = Pipeline.freePort();
    try (ServiceProcess service =
        new ServiceProcess(
            "fake", fakeCommand(), Map.of("OPS_PORT", "" + port, "FLAVOUR", "x"), port, logs)) {
      long firstPid = service.start().awaitReady(Duration.ofSeconds(30)).pid();

      service.kill();
      assertThat(service.isAlive()).isFalse();
      assertThat(service.status("/health/ready")).isZero();

      service.start().awaitReady(Duration.ofSeconds(30));
      assertThat(service.pid()).isNotEqualTo(firstPid);
      assertThat(service.status("/health/ready")).isEqualTo(200);
    }
  }

  @Test
  void aServiceThatExitsWhileStartingFailsTheWaitWithItsLog(@TempDir Path logs) {
    int port = Pipeline.freePort();
    ServiceProcess service =
        new ServiceProcess("broken", fakeCommand(), Map.of(), port, logs); // no OPS_PORT: it dies

    assertThatThrownBy(() -> service.start().awaitReady(Duration.ofSeconds(30)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken exited while starting")
        .hasMessageContaining("NumberFormatException");
  }

  private static LaunchCommand fakeCommand() {
    return new LaunchCommand(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx32m",
            "-cp",
            System.getProperty("java.class.path"),
            FakeService.class.getName()),
        "fake service");
  }
}
