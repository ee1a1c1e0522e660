package dev.orderflow.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourceTest {
  private static final String[] NO_ARGS = {};

  @TempDir Path dir;

  @Test
  void environmentVariableOverridesTheFileValue() throws IOException {
    // Given
    Path file = write("kafka.bootstrap.servers=file:9092\nops.port=8181\n");
    Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092");

    // When
    ConfigSource config = ConfigSource.load(null, new String[] {"--config", file.toString()}, env);

    // Then
    assertThat(config.string("kafka.bootstrap.servers")).isEqualTo("env:9092");
    assertThat(config.intInRange("ops.port", 0, 65535)).isEqualTo(8181);
  }

  @Test
  void dotsAndDashesBecomeUnderscoresInTheVariableName() {
    ConfigSource config = ConfigSource.of(Map.of(), Map.of("SENDER_MAX_IN_FLIGHT", "100"));

    assertThat(config.intInRange("sender.max-in-flight", 1, 1000)).isEqualTo(100);
  }

  @Test
  void fileOverridesClasspathDefaultsAndCanBeNamedByVariable() throws IOException {
    Path file = write("topics.orders-created=from-file\n");
    Map<String, String> env = Map.of(ConfigSource.CONFIG_FILE_ENV, file.toString());

    ConfigSource config = ConfigSource.load("config-test-defaults.properties", NO_ARGS, env);

    assertThat(config.string("topics.orders-created")).isEqualTo("from-file");
    assertThat(config.string("only.in.defaults")).isEqualTo("default-value");
  }

  @Test
  void blankVariableCountsAsUnset() {
    ConfigSource config = ConfigSource.of(Map.of("ops.host", "0.0.0.0"), Map.of("OPS_HOST", "  "));

    assertThat(config.string("ops.host")).isEqualTo("0.0.0.0");
  }

  @Test
  void missingRequiredKeyNamesTheKeyAndItsVariable() {
    ConfigSource config = ConfigSource.of(Map.of(), Map.of());

    assertThatThrownBy(() -> config.string("meta.graph.url"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "meta.graph.url: expected a value (set meta.graph.url or META_GRAPH_URL), but it is not set");
  }

  @Test
  void integerOutOfRangeNamesTheKeyAndTheRange() {
    ConfigSource config = ConfigSource.of(Map.of("ops.port", "70000"), Map.of());

    assertThatThrownBy(() -> config.intInRange("ops.port", 0, 65535))
        .isInstanceOf(ConfigException.class)
        .hasMessage("ops.port: expected an integer from 0 to 65535, got '70000'")
        .extracting(e -> ((ConfigException) e).key())
        .isEqualTo("ops.port");
  }

  @Test
  void durationsTakeHumanUnits() {
    ConfigSource config =
        ConfigSource.of(Map.of("a", "250ms", "b", "30s", "c", "5m", "d", "2h"), Map.of());

    assertThat(List.of(config.duration("a"), config.duration("b"), config.duration("c")))
        .containsExactly(Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(5));
    assertThat(config.duration("d")).isEqualTo(Duration.ofHours(2));
    assertThat(config.duration("unset", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void malformedDurationNamesTheKeyAndTheForm() {
    ConfigSource config = ConfigSource.of(Map.of("sender.timeout", "PT30S"), Map.of());

    assertThatThrownBy(() -> config.duration("sender.timeout"))
        .hasMessage(
            "sender.timeout: expected a duration such as 250ms, 30s, 5m, 2h or 1d, got 'PT30S'");
  }

  @Test
  void booleanAcceptsTrueOrFalseOnly() {
    ConfigSource config =
        ConfigSource.of(Map.of("x.enabled", "yes", "y.enabled", "TRUE"), Map.of());

    assertThat(config.bool("y.enabled", false)).isTrue();
    assertThatThrownBy(() -> config.bool("x.enabled", false))
        .hasMessage("x.enabled: expected true or false, got 'yes'");
  }

  @Test
  void listIsSplitOnCommasAndTrimmed() {
    ConfigSource config = ConfigSource.of(Map.of("retry.delays", " 1m, 5m ,,30m "), Map.of());

    assertThat(config.list("retry.delays", List.of())).containsExactly("1m", "5m", "30m");
    assertThat(config.list("unset", List.of("x"))).containsExactly("x");
  }

  @Test
  void uriMustBeAbsoluteWithAHost() {
    ConfigSource config =
        ConfigSource.of(Map.of("good", "http://127.0.0.1:8090", "bad", "127.0.0.1:8090"), Map.of());

    assertThat(config.uri("good")).contains(URI.create("http://127.0.0.1:8090"));
    assertThatThrownBy(() -> config.uri("bad"))
        .hasMessage("bad: expected an absolute URI such as http://host:port, got '127.0.0.1:8090'");
  }

  enum Platform {
    WHATSAPP,
    INSTAGRAM
  }

  @Test
  void enumIsMatchedIgnoringCaseAndListsTheChoicesWhenWrong() {
    ConfigSource config = ConfigSource.of(Map.of("p", "instagram", "q", "sms"), Map.of());

    assertThat(config.enumValue("p", Platform.class, Platform.WHATSAPP))
        .isEqualTo(Platform.INSTAGRAM);
    assertThatThrownBy(() -> config.enumValue("q", Platform.class, Platform.WHATSAPP))
        .hasMessage("q: expected one of [WHATSAPP, INSTAGRAM], got 'sms'");
  }

  @Test
  void prefixCollectsFileAndEnvironmentKeysWithThePrefixCut() {
    ConfigSource config =
        ConfigSource.of(
            Map.of("kafka.ssl.truststore.type", "PKCS12", "kafka.ssl.key.password", "file"),
            Map.of("KAFKA_SSL_KEY_PASSWORD", "env", "KAFKA_BOOTSTRAP_SERVERS", "x:1"));

    assertThat(config.withPrefix("kafka.ssl."))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("truststore.type", "PKCS12", "key.password", "env"));
  }

  @Test
  void unreadableConfigFileIsNamed() {
    String[] args = {"--config=" + dir.resolve("absent.properties")};

    assertThatThrownBy(() -> ConfigSource.load(null, args, Map.of()))
        .hasMessageStartingWith("--config: expected a readable properties file, got '")
        .hasMessageContaining("absent.properties");
  }

  @Test
  void unknownArgumentIsRefused() {
    assertThatThrownBy(() -> ConfigSource.load(null, new String[] {"--verbose"}, Map.of()))
        .hasMessage(
            "arguments: expected --config <file> and/or --profile <name>, or none, got"
                + " '--verbose'");
  }

  @Test
  void theProfilesDefaultsOverrideTheShippedOnesAndAFileOverridesBoth() throws IOException {
    // Given
    Path file = write("only.in.defaults=from-file\n");
    String[] args = {"--profile", "local", "--config=" + file};

    // When
    ConfigSource config = ConfigSource.load("config-test-defaults.properties", args, Map.of());

    // Then
    assertThat(config.profile()).contains("local");
    assertThat(config.isLocalProfile()).isTrue();
    assertThat(config.string("topics.orders-created")).isEqualTo("from-local-profile");
    assertThat(config.string("only.in.local")).isEqualTo("local-value");
    assertThat(config.string("only.in.defaults")).isEqualTo("from-file");
  }

  @Test
  void theProfileCanBeNamedByVariableAndTheCommandLineWins() {
    Map<String, String> env = Map.of(ConfigSource.PROFILE_ENV, "staging");

    ConfigSource fromEnv = ConfigSource.of(Map.of(), Map.of(ConfigSource.PROFILE_ENV, "local"));
    ConfigSource fromArgs =
        ConfigSource.load("config-test-defaults.properties", new String[] {"--profile=local"}, env);

    assertThat(fromEnv.isLocalProfile()).isTrue();
    assertThat(fromArgs.string("only.in.local")).isEqualTo("local-value");
  }

  @Test
  void withoutAProfileNothingOfTheLocalOneIsRead() {
    ConfigSource config = ConfigSource.load("config-test-defaults.properties", NO_ARGS, Map.of());

    assertThat(config.profile()).isEmpty();
    assertThat(config.find("only.in.local")).isEmpty();
  }

  @Test
  void aProfileWithoutItsFileIsABadConfigNamingTheVariable() {
    Map<String, String> env = Map.of(ConfigSource.PROFILE_ENV, "lcoal");

    assertThatThrownBy(() -> ConfigSource.load("config-test-defaults.properties", NO_ARGS, env))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "ORDERFLOW_PROFILE: expected a profile with config-test-defaults-lcoal.properties on"
                + " the class path (such as local), got 'lcoal'");
  }

  @Test
  void aSecureUriMustBeHttpsUnlessItStaysOnTheMachineOrTheProfileIsLocal() {
    Map<String, String> props =
        Map.of(
            "tls", "https://graph.facebook.com",
            "loopback", "http://127.0.0.1:8090",
            "remote", "http://graph.facebook.com");
    ConfigSource plain = ConfigSource.of(props, Map.of());
    ConfigSource local = ConfigSource.of(props, Map.of(ConfigSource.PROFILE_ENV, "local"));

    assertThat(plain.secureUri("tls")).contains(URI.create("https://graph.facebook.com"));
    assertThat(plain.secureUri("loopback")).contains(URI.create("http://127.0.0.1:8090"));
    assertThat(plain.secureUri("absent")).isEmpty();
    assertThat(local.secureUri("remote")).contains(URI.create("http://graph.facebook.com"));
    assertThatThrownBy(() -> plain.secureUri("remote"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("remote: expected an https URL");
  }

  @Test
  void aMalformedUrlIsEchoedWithoutItsCredentials() {
    ConfigSource config =
        ConfigSource.of(Map.of("schema.registry.url", "https://key:s3cret@host:bad/x"), Map.of());

    assertThatThrownBy(() -> config.uri("schema.registry.url"))
        .hasMessageContaining("got 'https://****@host:bad/x'")
        .hasMessageNotContaining("s3cret");
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("service.properties"), content);
  }
}
