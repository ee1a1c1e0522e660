package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.OpsServerConfig;
import dev.orderflow.sender.app.SenderConfig;
import dev.orderflow.sender.app.SenderSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppSenderConfigTest {

  @Test
  void theDefaultsNameTheTopicGroupOpsPortPinnedVersionAndTheLocalSimulator() {
    ConfigSource config = defaultsWith(Map.of());

    SenderConfig sender = SenderSettings.from(config, new WhatsAppPlatform().name());

    assertThat(sender.mainTopic()).isEqualTo("notify.whatsapp.v1");
    assertThat(sender.groupId()).isEqualTo("whatsapp-sender");
    assertThat(sender.client().apiVersion()).isEqualTo("v23.0");
    assertThat(sender.client().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8090"));
    assertThat(OpsServerConfig.from(config, 0).port()).isEqualTo(8183);
  }

  @Test
  void theGraphUrlComesFromMetaGraphUrlInTheEnvironment() {
    ConfigSource config = defaultsWith(Map.of("META_GRAPH_URL", "https://graph.facebook.com"));

    SenderConfig sender = SenderSettings.from(config, "whatsapp");

    assertThat(sender.client().baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
  }

  private static ConfigSource defaultsWith(Map<String, String> env) {
    return ConfigSource.load("whatsapp-sender.properties", new String[0], env);
  }
}
