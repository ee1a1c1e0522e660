package dev.orderflow.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar the Dockerfile copies: runnable, and it reaches the launcher's config check. */
class MetaWebhooksJarIT {
  private static final Path JAR = Path.of("target", "meta-webhooks.jar");

  @Test
  void theShadedJarStartsTheLauncherWhichRefusesBadConfigInOneLine() throws Exception {
    // Given a callback path that is not a path
    assertThat(JAR).exists();
    ProcessBuilder java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectErrorStream(true);
    java.environment().put("WEBHOOKS_HTTP_PATH", "webhooks");

    // When
    Process process = java.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }

    // Then
    assertThat(exited).as("the jar exits by itself").isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output(process))
        .contains(
            "meta-webhooks: bad config: webhooks.http.path: expected an absolute path such as"
                + " /webhooks/meta, got 'webhooks'");
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
