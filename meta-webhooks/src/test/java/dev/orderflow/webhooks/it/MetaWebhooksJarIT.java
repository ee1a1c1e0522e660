package dev.orderflow.webhooks.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.ShadedJar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shaded jar the Dockerfile copies: runnable, and it reaches the launcher's config check. */
class MetaWebhooksJarIT {

  @Test
  void theShadedJarStartsTheLauncherWhichRefusesBadConfigInOneLine() throws Exception {
    // Given a callback path that is not a path
    Map<String, String> bad = Map.of("WEBHOOKS_HTTP_PATH", "webhooks");

    // When
    ShadedJar.Exit exit = ShadedJar.of("meta-webhooks").runUntilExit(bad);

    // Then
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output())
        .contains(
            "meta-webhooks: bad config: webhooks.http.path: expected an absolute path such as"
                + " /webhooks/meta, got 'webhooks'");
  }
}
