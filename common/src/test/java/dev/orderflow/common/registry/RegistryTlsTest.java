package dev.orderflow.common.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry behind TLS with a certificate no public CA signed: trusted through the configured
 * truststore, refused without it. The certificate is made by the JDK's keytool, once per class.
 */
class RegistryTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  private static final MockWebServer SERVER = new MockWebServer();
  private static Path truststore;

  @BeforeAll
  static void startTlsServer() throws Exception {
    Path keystore = dir.resolve("registry.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD);
    }
    truststore = trustingOnly(keys);
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(km.getKeyManagers(), null, null);
    SERVER.useHttps(server.getSocketFactory());
    SERVER.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @Test
  void theConfiguredTruststoreLetsTheClientTalkTls() {
    SERVER.enqueue(
        new MockResponse.Builder().code(200).body("{\"schema\":\"\\\"int\\\"\"}").build());
    RegistryTls tls = new RegistryTls(truststore, "changeit", "PKCS12");

    try (var client = new SchemaRegistryClient(config(Optional.of(tls)))) {
      assertThat(client.schemaById(5).getType().getName()).isEqualTo("int");
    }
  }

  @Test
  void withoutItTheSelfSignedCertificateIsRefused() {
    try (var client = new SchemaRegistryClient(config(Optional.empty()))) {
      assertThatThrownBy(() -> client.schemaById(5))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("got no usable response")
          .hasMessageContaining("SSL");
    }
  }

  @Test
  void anUnreadableTruststoreIsNamed() {
    RegistryTls tls = new RegistryTls(dir.resolve("missing.p12"), null, null);

    assertThatThrownBy(tls::trustManager)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.p12 (PKCS12) unreadable");
  }

  private static RegistryClientConfig config(Optional<RegistryTls> tls) {
    String base = SERVER.url("/apis/ccompat/v7").toString();
    assertThat(base).startsWith("https://");
    return new RegistryClientConfig(base, Duration.ofSeconds(5), RegistryAuth.none(), tls);
  }

  private static Path trustingOnly(KeyStore keys) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("registry", keys.getCertificate("registry"));
    Path file = dir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trust.store(out, PASSWORD);
    }
    return file;
  }
}
