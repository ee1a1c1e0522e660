package dev.orderflow.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.ShadedJar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shaded jar the Dockerfile copies: runnable, and it reaches the launcher's config check. */
class InstagramSenderJarIT {

  @Test
  void theShadedJarStartsTheLauncherWhichRefusesBadConfigInOneLine() throws Exception {
    // Given a host style that does not exist
    Map<String, String> bad = Map.of("INSTAGRAM_HOST_STYLE", "ME_MESSAGES");

    // When
    ShadedJar.Exit exit = ShadedJar.of("instagram-sender").runUntilExit(bad);

    // Then
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output()).contains("instagram-sender: bad config: instagram.host-style");
  }
}
