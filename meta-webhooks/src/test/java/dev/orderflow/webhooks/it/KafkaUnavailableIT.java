package dev.orderflow.webhooks.it;

import static dev.orderflow.webhooks.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import dev.orderflow.webhooks.Payloads;
import dev.orderflow.webhooks.RunningWebhooks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * meta-webhooks whose Kafka cannot be reached (the registry and the secret can): a signed webhook
 * is answered 503 within the write timeout, never 200, so Meta delivers it again; and the service
 * says it is not ready.
 */
@RealStack
class KafkaUnavailableIT {

  @Test
  void aSignedWebhookIsNotAnswered200WhileKafkaIsAway(TestStack stack) throws Exception {
    // Given topics made on the real Kafka, but a service pointed at a port nobody serves
    Map<String, String> deadKafka =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort(),
            "WEBHOOKS_KAFKA_WRITE_TIMEOUT", "3s",
            "KAFKA_PRODUCER_MAX_BLOCK_MS", "2000");
    try (RunningWebhooks webhooks = RunningWebhooks.start(stack, deadKafka)) {
      byte[] body =
          utf8(
              Payloads.whatsappStatus(
                  "wamid.unwritten", "delivered", 1_796_119_200L, "2348030000001", ""));

      // When
      long start = System.nanoTime();
      HttpResponse<String> answer = webhooks.postSigned(body);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // Then
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(webhooks.ops("/health/ready").statusCode()).isEqualTo(503);
      assertThat(webhooks.ops("/health/ready").body()).contains("\"kafka-topics\":\"DOWN\"");
      assertThat(webhooks.ops("/metrics").body())
          .containsPattern(
              "webhooks_refused_total\\{[^}]*reason=\"kafka-unavailable\"[^}]*\\} 1\\.0");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
