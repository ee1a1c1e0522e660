package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar the Dockerfile copies: runnable, and it reaches the launcher's config check. */
class WhatsAppSenderJarIT {
  private static final Path JAR = Path.of("target", "whatsapp-sender.jar");

  @Test
  void theShadedJarStartsTheLauncherWhichRefusesBadConfigInOneLine() throws Exception {
    // Given a port no server can listen on
    assertThat(JAR).exists();
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectErrorStream(true);
    java.environment().put("OPS_PORT", "70000");

    // When
    Process process = java.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }

    // Then
    assertThat(exited).as("the jar exits by itself").isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output(process)).contains("whatsapp-sender: bad config: ops.port");
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
