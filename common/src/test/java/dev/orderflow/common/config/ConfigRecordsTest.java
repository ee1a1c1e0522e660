package dev.orderflow.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.common.registry.RegistryAuth;
import dev.orderflow.common.registry.RegistryTls;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {
  @Test
  void blankBootstrapServersAreRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> KafkaConfig.from(ConfigSource.of(Map.of(), Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage("kafka.bootstrap.servers: expected host:port[,host:port…], got ''");
  }

  @Test
  void bootstrapServerWithoutPortOrWithABadPortIsRefused() {
    assertThatThrownBy(() -> KafkaConfig.plaintext("broker-1:9092,broker-2"))
        .hasMessageContaining("got 'broker-1:9092,broker-2'");
    assertThatThrownBy(() -> KafkaConfig.plaintext("broker-1:99999"))
        .hasMessageStartingWith("kafka.bootstrap.servers:");
  }

  @Test
  void kafkaSecurityAndPerClientOverridesComeFromTheEnvironment() {
    ConfigSource source =
        ConfigSource.of(
            Map.of("kafka.bootstrap.servers", "b1:9093, b2:9093"),
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule required password=\"p\";",
                "KAFKA_PRODUCER_LINGER_MS", "20"));

    KafkaConfig config = KafkaConfig.from(source);

    assertThat(config.bootstrapServers()).isEqualTo("b1:9093,b2:9093");
    assertThat(config.security())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsKey("sasl.jaas.config");
    assertThat(config.producer()).containsEntry("linger.ms", "20");
  }

  @Test
  void saslSettingsWithAPlaintextProtocolAreRefused() {
    ConfigSource source =
        ConfigSource.of(
            Map.of("kafka.bootstrap.servers", "b:9092", "kafka.sasl.mechanism", "PLAIN"), Map.of());

    assertThatThrownBy(() -> KafkaConfig.from(source))
        .hasMessage(
            "kafka.security.protocol: expected SASL_PLAINTEXT or SASL_SSL when kafka.sasl.* is set,"
                + " got 'PLAINTEXT'");
  }

  @Test
  void kafkaConfigNeverPrintsItsJaasConfig() {
    KafkaConfig config =
        new KafkaConfig(
            "b:9092",
            Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "password=\"s3cret\";"),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of());

    assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("s3cret");
  }

  @Test
  void registryUrlMustBeHttp() {
    ConfigSource source =
        ConfigSource.of(Map.of(), Map.of("SCHEMA_REGISTRY_URL", "ftp://127.0.0.1/registry"));

    assertThatThrownBy(() -> RegistryConfig.from(source))
        .hasMessage(
            "schema.registry.url: expected an http(s) URL such as"
                + " http://127.0.0.1:8081/apis/ccompat/v7, got 'ftp://127.0.0.1/registry'");
  }

  @Test
  void registryAutoRegisterIsOffUnlessSet() {
    ConfigSource source =
        ConfigSource.of(
            Map.of("schema.registry.url", "http://127.0.0.1:8081/apis/ccompat/v7"), Map.of());

    assertThat(RegistryConfig.from(source).autoRegister()).isFalse();
  }

  @Test
  void registryCredentialsInTheUrlBecomeBasicAuthAndLeaveTheUrl() {
    ConfigSource source =
        ConfigSource.of(
            Map.of(), Map.of("SCHEMA_REGISTRY_URL", "https://key:s3cret@registry.example/api"));

    RegistryConfig config = RegistryConfig.from(source);

    assertThat(config.url()).hasToString("https://registry.example/api");
    assertThat(config.auth()).isEqualTo(new RegistryAuth.Basic("key", "s3cret"));
    assertThat(config.clientConfig().baseUrl()).doesNotContain("s3cret");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void registryBasicAuthBearerTokenAndTruststoreComeFromTheirKeys() throws Exception {
    java.nio.file.Path store = java.nio.file.Files.createTempFile("truststore", ".jks");
    Map<String, String> env =
        Map.of(
            "SCHEMA_REGISTRY_URL", "https://registry.example",
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "key:pa:ss",
            "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", store.toString(),
            "SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE", "JKS");

    RegistryConfig basic = RegistryConfig.from(ConfigSource.of(Map.of(), env));
    RegistryConfig bearer =
        RegistryConfig.from(
            ConfigSource.of(
                Map.of("schema.registry.bearer.auth.token", "tok"),
                Map.of("SCHEMA_REGISTRY_URL", "https://registry.example")));

    assertThat(basic.auth()).isEqualTo(new RegistryAuth.Basic("key", "pa:ss"));
    assertThat(basic.tls()).contains(new RegistryTls(store, null, "JKS"));
    assertThat(bearer.auth()).isEqualTo(new RegistryAuth.Bearer("tok"));
  }

  @Test
  void registryCredentialsAreRefusedOverPlainHttpToAnotherHostAndNeverEchoed() {
    Map<String, String> env =
        Map.of(
            "SCHEMA_REGISTRY_URL", "http://registry.example",
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "key:s3cret");
    Map<String, String> both =
        Map.of(
            "SCHEMA_REGISTRY_URL", "https://registry.example",
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "key:s3cret",
            "SCHEMA_REGISTRY_BEARER_AUTH_TOKEN", "tok");
    Map<String, String> malformed =
        Map.of(
            "SCHEMA_REGISTRY_URL", "https://registry.example",
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "s3cret");

    assertThatThrownBy(() -> RegistryConfig.from(ConfigSource.of(Map.of(), env)))
        .hasMessage(
            "schema.registry.url: expected an https URL when credentials are set, got"
                + " 'http://registry.example'");
    assertThatThrownBy(() -> RegistryConfig.from(ConfigSource.of(Map.of(), both)))
        .hasMessageStartingWith("schema.registry.bearer.auth.token: expected either it or")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> RegistryConfig.from(ConfigSource.of(Map.of(), malformed)))
        .hasMessage("schema.registry.basic.auth.user.info: expected user:password, got '<hidden>'");
  }

  @Test
  void aMissingTruststoreIsNamed() {
    Map<String, String> env =
        Map.of(
            "SCHEMA_REGISTRY_URL", "https://registry.example",
            "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/nonexistent/truststore.p12");

    assertThatThrownBy(() -> RegistryConfig.from(ConfigSource.of(Map.of(), env)))
        .hasMessage(
            "schema.registry.ssl.truststore.location: expected a readable truststore file, got"
                + " '/nonexistent/truststore.p12'");
  }

  @Test
  void awsServiceSpecificEndpointBeatsTheGeneralOne() {
    ConfigSource source =
        ConfigSource.of(
            Map.of(),
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4567",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4584"));

    AwsConfig config = AwsConfig.from(source);

    assertThat(config.dynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
    assertThat(config.secretsManagerEndpoint()).contains(URI.create("http://127.0.0.1:4584"));
    assertThat(config.isLocal()).isTrue();
  }

  @Test
  void awsWithoutOverridesIsRealAws() {
    AwsConfig config = AwsConfig.of("af-south-1");

    assertThat(config.dynamoDbEndpoint()).isEqualTo(Optional.empty());
    assertThat(config.isLocal()).isFalse();
  }

  @Test
  void awsRegionMustLookLikeARegion() {
    assertThatThrownBy(
            () -> AwsConfig.from(ConfigSource.of(Map.of("aws.region", "Ireland"), Map.of())))
        .hasMessage("aws.region: expected an AWS region such as eu-west-1, got 'Ireland'");
  }

  @Test
  void opsServerBindsLoopbackUnlessTold() {
    OpsServerConfig config = OpsServerConfig.from(ConfigSource.of(Map.of(), Map.of()), 8181);

    assertThat(config).isEqualTo(new OpsServerConfig("127.0.0.1", 8181));
    assertThatThrownBy(() -> new OpsServerConfig("127.0.0.1", -1))
        .hasMessage("ops.port: expected an integer from 0 to 65535, got '-1'");
  }
}
