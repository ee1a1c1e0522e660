package dev.orderflow.instagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.OpsServerConfig;
import dev.orderflow.sender.app.SenderConfig;
import dev.orderflow.sender.app.SenderSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstagramSenderConfigTest {

  @Test
  void theDefaultsNameTheTopicGroupOpsPortPinnedVersionAndInstagramsHost() {
    ConfigSource config = defaultsWith(Map.of());

    SenderConfig sender = SenderSettings.from(config, "instagram");

    assertThat(sender.mainTopic()).isEqualTo("notify.instagram.v1");
    assertThat(sender.groupId()).isEqualTo("instagram-sender");
    assertThat(sender.client().apiVersion()).isEqualTo("v23.0");
    assertThat(sender.client().baseUrl()).isEqualTo(URI.create("https://graph.instagram.com"));
    assertThat(OpsServerConfig.from(config, 0).port()).isEqualTo(8184);
  }

  @Test
  void theLocalProfilePointsAtTheSimulator() {
    ConfigSource config = defaultsWith(Map.of("ORDERFLOW_PROFILE", "local"));

    assertThat(SenderSettings.from(config, "instagram").client().baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8090"));
  }

  @Test
  void theHostStyleIsInstagramLoginUnlessConfiguredOtherwise() {
    assertThat(InstagramSenderMain.hostStyle(defaultsWith(Map.of())))
        .isEqualTo(InstagramHostStyle.INSTAGRAM_LOGIN);
    assertThat(
            InstagramSenderMain.hostStyle(
                defaultsWith(Map.of("INSTAGRAM_HOST_STYLE", "FACEBOOK_PAGE"))))
        .isEqualTo(InstagramHostStyle.FACEBOOK_PAGE);
  }

  @Test
  void anUnknownHostStyleIsABadConfigNamingTheKeyAndTheChoices() {
    ConfigSource config = defaultsWith(Map.of("INSTAGRAM_HOST_STYLE", "ME_MESSAGES"));

    assertThatThrownBy(() -> InstagramSenderMain.hostStyle(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("instagram.host-style")
        .hasMessageContaining("FACEBOOK_PAGE");
  }

  private static ConfigSource defaultsWith(Map<String, String> env) {
    return ConfigSource.load("instagram-sender.properties", new String[0], env);
  }
}
