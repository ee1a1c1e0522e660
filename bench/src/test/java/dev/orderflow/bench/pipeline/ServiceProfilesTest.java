package dev.orderflow.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceProfilesTest {

  @Test
  void offAddsNoJvmOption() {
    assertThat(ServiceProfiles.off().jvmOptions(ServiceKind.NOTIFICATION_ROUTER)).isEmpty();
  }

  @Test
  void eachStartedJvmGetsItsOwnRecordingNumberedInStartOrder() {
    ServiceProfiles profiles = ServiceProfiles.into(Path.of("/tmp/run/profiles"));

    assertThat(profiles.jvmOptions(ServiceKind.ORDER_INGEST))
        .containsExactly(
            "-XX:StartFlightRecording=filename=/tmp/run/profiles/01-order-ingest.jfr,settings=profile");
    assertThat(profiles.jvmOptions(ServiceKind.NOTIFICATION_ROUTER))
        .containsExactly(
            "-XX:StartFlightRecording=filename=/tmp/run/profiles/02-notification-router.jfr,"
                + "settings=profile");
  }

  @Test
  void theOptionsFollowTheHarnessesOwnOnTheCommandLine() {
    LaunchCommand command =
        LaunchCommand.of(
            ServiceKind.ORDER_INGEST, Path.of("/nowhere"), "cp", java.util.List.of("-Dx=1"));

    assertThat(command.jvmAndTarget())
        .containsSubsequence(LaunchCommand.JVM_OPTIONS.getLast(), "-Dx=1", "-cp", "cp");
  }
}
