package dev.orderflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhooksConfigTest {

  @Test
  void theShippedDefaultsAreTheDocumentedOnes() {
    ConfigSource source = ConfigSource.load("meta-webhooks.properties", new String[0], Map.of());

    WebhooksConfig config = WebhooksConfig.from(source);

    assertThat(config.http().port()).isEqualTo(8085);
    assertThat(config.http().path()).isEqualTo("/webhooks/meta");
    assertThat(config.http().maxBodyBytes()).isEqualTo(262_144);
    assertThat(config.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.credentials().secretName()).isEqualTo("orderflow/local/meta-credentials");
    assertThat(config.topics().all())
        .containsExactly("notify.status.v1", "buyer.inbound.v1", "meta-webhooks.unparsed.v1");
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    ConfigSource source =
        ConfigSource.load(
            "meta-webhooks.properties",
            new String[0],
            Map.of("WEBHOOKS_HTTP_PORT", "0", "TOPICS_NOTIFY_STATUS", "status.it"));

    WebhooksConfig config = WebhooksConfig.from(source);

    assertThat(config.http().port()).isZero();
    assertThat(config.topics().status()).isEqualTo("status.it");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> from(Map.of("webhooks.http.path", "webhooks")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "webhooks.http.path: expected an absolute path such as /webhooks/meta, got 'webhooks'");
    assertThatThrownBy(() -> from(Map.of("webhooks.http.max-body-bytes", "10")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("webhooks.http.max-body-bytes: expected an integer from 1024");
    assertThatThrownBy(() -> from(Map.of("webhooks.kafka.write-timeout", "0s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("webhooks.kafka.write-timeout: expected a positive duration");
    assertThatThrownBy(() -> from(Map.of("topics.buyer-inbound", "buyer inbound")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("topics.buyer-inbound: expected a topic name");
  }

  private static WebhooksConfig from(Map<String, String> properties) {
    return WebhooksConfig.from(ConfigSource.of(properties, Map.of()));
  }
}
