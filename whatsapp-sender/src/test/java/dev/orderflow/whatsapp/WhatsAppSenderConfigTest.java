package dev.orderflow.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.AwsConfig;
import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.common.config.KafkaConfig;
import dev.orderflow.common.config.OpsServerConfig;
import dev.orderflow.common.config.RegistryConfig;
import dev.orderflow.sender.app.SenderConfig;
import dev.orderflow.sender.app.SenderSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppSenderConfigTest {

  @Test
  void theDefaultsNameTheTopicGroupOpsPortPinnedVersionAndMeta() {
    ConfigSource config = defaultsWith(Map.of());

    SenderConfig sender = SenderSettings.from(config, new WhatsAppPlatform().name());

    assertThat(sender.mainTopic()).isEqualTo("notify.whatsapp.v1");
    assertThat(sender.groupId()).isEqualTo("whatsapp-sender");
    assertThat(sender.client().apiVersion()).isEqualTo("v23.0");
    assertThat(sender.client().baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
    assertThat(OpsServerConfig.from(config, 0).port()).isEqualTo(8183);
  }

  @Test
  void withoutAProfileNoAddressDefaultsToTheLocalStack() {
    ConfigSource config = defaultsWith(Map.of());

    assertThatThrownBy(() -> KafkaConfig.from(config))
        .hasMessageStartingWith("kafka.bootstrap.servers: expected host:port");
    assertThatThrownBy(() -> RegistryConfig.from(config))
        .hasMessageStartingWith("schema.registry.url: expected an http(s) URL");
    assertThat(AwsConfig.from(defaultsWith(Map.of("AWS_REGION", "eu-west-1"))).isLocal()).isFalse();
  }

  @Test
  void theLocalProfilePointsAtTheLocalStackAndItsSimulator() {
    ConfigSource config = defaultsWith(Map.of("ORDERFLOW_PROFILE", "local"));

    SenderConfig sender = SenderSettings.from(config, "whatsapp");

    assertThat(sender.client().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8090"));
    assertThat(KafkaConfig.from(config).bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(AwsConfig.from(config).secretsManagerEndpoint())
        .contains(URI.create("http://127.0.0.1:4584"));
  }

  @Test
  void aPlainHttpGraphUrlOutsideTheLocalProfileIsABadConfigNamingTheKey() {
    ConfigSource config = defaultsWith(Map.of("META_GRAPH_URL", "http://graph.facebook.com"));

    assertThatThrownBy(() -> SenderSettings.from(config, "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "meta.graph.url: expected an https URL (http only to a loopback host or with"
                + " ORDERFLOW_PROFILE=local), got 'http://graph.facebook.com'");
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
