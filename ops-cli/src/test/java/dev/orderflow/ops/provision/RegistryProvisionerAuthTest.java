package dev.orderflow.ops.provision;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.orderflow.common.registry.RegistryClientConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning's registry calls carry the credentials, and never show them. */
class RegistryProvisionerAuthTest {
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer registry;

  @BeforeEach
  void start() throws IOException {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.createContext(
        "/",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = "{\"compatibilityLevel\":\"BACKWARD\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    registry.start();
  }

  @AfterEach
  void stop() {
    registry.stop(0);
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthAndNotReported() {
    // Given
    String url =
        "http://api-key:s3cret@127.0.0.1:" + registry.getAddress().getPort() + "/apis/ccompat/v7";
    StringWriter out = new StringWriter();
    ProvisionReport report = new ProvisionReport(new PrintWriter(out, true), false);

    // When
    try (HttpClient http = HttpClient.newHttpClient()) {
      new RegistryProvisioner(http, RegistryClientConfig.of(url), report)
          .provision(
              new RegistrySpec(
                  "BACKWARD", Map.of("orders.created.v1-value", new SubjectSpec("FULL", null))));
    }
    report.printSummary();

    // Then
    assertThat(authorizations)
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(("Basic " + base64("api-key:s3cret"))::equals);
    assertThat(out.toString()).contains("orders.created.v1-value").doesNotContain("s3cret");
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
