package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.ShadedJar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shaded jar the Dockerfile copies: runnable, and it reaches the launcher's config check. */
class WhatsAppSenderJarIT {

  @Test
  void theShadedJarStartsTheLauncherWhichRefusesBadConfigInOneLine() throws Exception {
    // Given a port no server can listen on
    Map<String, String> bad = Map.of("OPS_PORT", "70000");

    // When
    ShadedJar.Exit exit = ShadedJar.of("whatsapp-sender").runUntilExit(bad);

    // Then
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output()).contains("whatsapp-sender: bad config: ops.port");
  }
}
