package dev.orderflow.sender.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.config.ConfigException;
import dev.orderflow.common.config.ConfigSource;
import dev.orderflow.sender.consume.ConsumerLoopConfig;
import dev.orderflow.sender.ledger.LedgerConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SenderSettingsTest {

  @Test
  void defaultsFollowThePlatformName() {
    SenderConfig config = SenderSettings.from(ConfigSource.of(Map.of(), Map.of()), "whatsapp");

    assertThat(config.mainTopic()).isEqualTo("notify.whatsapp.v1");
    assertThat(config.groupId()).isEqualTo("whatsapp-sender");
    assertThat(config.serviceName()).isEqualTo("whatsapp-sender");
    assertThat(config.rate().numberPerSecond()).isEqualTo(80);
    assertThat(config.retry().delays())
        .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30));
    assertThat(config.ledger().table()).isEqualTo("notification-ledger");
    assertThat(config.loop().maxInFlight()).isEqualTo(200);
  }

  @Test
  void fileValuesAreOverriddenByTheEnvironment() {
    ConfigSource source =
        ConfigSource.of(
            Map.of("rate.number-per-second", "500", "retry.delays", "10s, 1m"),
            Map.of("RATE_NUMBER_PER_SECOND", "1000", "SENDER_MAX_IN_FLIGHT", "300"));

    SenderConfig config = SenderSettings.from(source, "instagram");

    assertThat(config.rate().numberPerSecond()).isEqualTo(1000);
    assertThat(config.loop().maxInFlight()).isEqualTo(300);
    assertThat(config.retry().delays())
        .containsExactly(Duration.ofSeconds(10), Duration.ofMinutes(1));
  }

  @Test
  void aLeaseIsRenewedBeforeACallOnlyOnceItHasUsedHalfItsSlack() {
    // 60 s lease, 10 s call timeout, 2 s margin: (60 - 10 - 2) / 2
    assertThat(
            SenderSettings.from(ConfigSource.of(Map.of(), Map.of()), "whatsapp").leaseRenewAfter())
        .isEqualTo(Duration.ofSeconds(24));
    // The shortest lease allowed leaves no slack: every call renews
    assertThat(
            SenderSettings.from(
                    ConfigSource.of(Map.of("ledger.lease", "12s"), Map.of()), "whatsapp")
                .leaseRenewAfter())
        .isZero();
  }

  @Test
  void aBadValueNamesItsKeyAndTheExpectedForm() {
    assertThatThrownBy(
            () ->
                SenderSettings.from(
                    ConfigSource.of(Map.of("rate.number-per-second", "5000"), Map.of()),
                    "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rate.number-per-second");
    assertThatThrownBy(
            () ->
                SenderSettings.from(
                    ConfigSource.of(Map.of("retry.delays", "5m,30s"), Map.of()), "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("retry.delays: expected increasing delays");
    assertThatThrownBy(
            () ->
                SenderSettings.from(
                    ConfigSource.of(Map.of("meta.api-version", "23"), Map.of()), "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("meta.api-version: expected a Graph API version");
  }

  @Test
  void aGraphConnectionPoolSmallerThanTheInFlightLimitIsRefused() {
    assertThatThrownBy(
            () ->
                SenderSettings.from(
                    ConfigSource.of(
                        Map.of("sender.max-in-flight", "300", "meta.max-connections", "256"),
                        Map.of()),
                    "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("meta.max-connections: expected >= sender.max-in-flight (300)");
  }

  @Test
  void aLeaseShorterThanTheCallItCoversIsRefused() {
    assertThatThrownBy(
            () ->
                SenderSettings.from(
                    ConfigSource.of(
                        Map.of("ledger.lease", "10s", "meta.call-timeout", "10s"), Map.of()),
                    "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ledger.lease: expected >= meta.call-timeout + 2s (PT12S)");
  }

  @Test
  void aValueTheConfigRecordRefusesIsNamedByItsConfigKeyAndValue() {
    assertThatThrownBy(
            () ->
                SenderSettings.from(
                    ConfigSource.of(
                        Map.of("sender.max-in-flight", "300", "sender.max-buffered", "100"),
                        Map.of()),
                    "whatsapp"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("sender.max-buffered: expected >= sender.max-in-flight (300), got '100'");
  }

  @Test
  void unsetKeysTakeTheRecordsOwnDefaults() {
    SenderConfig config = SenderSettings.from(ConfigSource.of(Map.of(), Map.of()), "whatsapp");

    assertThat(config.retry()).isEqualTo(RetryConfig.defaults());
    assertThat(config.rate()).isEqualTo(RateConfig.defaults());
    assertThat(config.ledger()).isEqualTo(LedgerConfig.defaults());
    assertThat(config.loop()).isEqualTo(ConsumerLoopConfig.defaults());
    assertThat(config.secretName()).isEqualTo(SenderConfig.DEFAULT_SECRET_NAME);
  }
}
