package dev.orderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
  @Test
  void listeningEndpointPasses() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      URI url = URI.create("http://127.0.0.1:" + server.getLocalPort());

      assertThatCode(() -> Reachability.require("Thing", "THING_URL", url))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void closedPortFailsWithTheStartScriptHint() throws IOException {
    URI url = URI.create("http://127.0.0.1:" + freePort());

    assertThatThrownBy(() -> Reachability.require("DynamoDB (dynalite)", "AWS_ENDPOINT_URL", url))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DynamoDB (dynalite) is not reachable at " + url)
        .hasMessageContaining("AWS_ENDPOINT_URL")
        .hasMessageContaining("dev/start.sh");
  }

  @Test
  void kafkaListIsUnreachableOnlyWhenEveryServerIs() throws IOException {
    String servers = "127.0.0.1:" + freePort() + ",127.0.0.1:" + freePort();

    assertThatThrownBy(() -> Reachability.requireKafka(servers))
        .hasMessageContaining("Kafka is not reachable at " + servers)
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  private static int freePort() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return server.getLocalPort();
    }
  }
}
