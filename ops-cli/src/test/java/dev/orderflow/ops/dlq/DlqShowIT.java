package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ops dlq show} against real Kafka and the real registry. */
@RealStack
class DlqShowIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant PARKED_AT = Instant.parse("2026-05-01T10:15:30.250Z");
  private static final byte[] GARBAGE = {0, 0, 0x0f, 0x42, 0x40, (byte) 0xff, 0x01};

  private static String senderDlq;
  private static String routerDlq;
  private static String rejected;
  private static Cli cli;

  @BeforeAll
  static void seed(TestStack stack) throws Exception {
    senderDlq = stack.uniqueTopic("notify.whatsapp.dlq.v1");
    routerDlq = stack.uniqueTopic("notification-router.dlq.v1");
    rejected = stack.uniqueTopic("orders.rejected.v1");
    stack.createTopics(1, senderDlq, routerDlq, rejected);
    int schemaId =
        new AvroValues(stack.registryUrl())
            .register(senderDlq + "-value", NotificationRequested.getClassSchema());
    NotificationRequested value = Notifications.of("v-7:A-1001", "buyer-42", Platform.WHATSAPP);
    var producer = stack.producer();
    producer
        .send(
            Parked.in(senderDlq)
                .at(PARKED_AT)
                .key("buyer-42")
                .value(Notifications.framed(schemaId, value))
                .header(HeaderNames.CORRELATION_ID, "corr-1")
                .senderFailure("notify.whatsapp.v1", "PERMANENT", "131026", "Undeliverable")
                .header("legacy.attempt", ByteBuffer.allocate(4).putInt(7).array())
                .header(
                    "legacy.sent-at", ByteBuffer.allocate(8).putLong(1_777_630_530_250L).array())
                .record())
        .get();
    producer
        .send(
            Parked.in(routerDlq)
                .key("v-7:A-1002")
                .value(GARBAGE)
                .header(StreamsHeaders.EXCEPTION, "dev.orderflow.common.serde.WireFormatException")
                .header(StreamsHeaders.MESSAGE, "MALFORMED_PAYLOAD (topic 'orders.created.v1')")
                .header(StreamsHeaders.TOPIC, "orders.created.v1")
                .header(StreamsHeaders.PARTITION, "2")
                .header(StreamsHeaders.OFFSET, "99")
                .record())
        .get();
    String original =
        Base64.getEncoder()
            .encodeToString(
                "{\"vendorId\":\"v-7\",\"orderId\":\"A-1003\",\"buyerId\":\"buyer-9\"}"
                    .getBytes(UTF_8));
    producer
        .send(
            Parked.in(rejected)
                .key("A-1003")
                .value(
                    ("{\"kind\":\"INVALID\",\"vendorId\":\"v-7\",\"vendorOrderId\":\"A-1003\","
                            + "\"correlationId\":\"corr-3\",\"reasons\":[{\"code\":\"TOTAL_MISMATCH\","
                            + "\"field\":\"totalMinor\",\"message\":\"total is not the sum\"},"
                            + "{\"code\":\"NO_ITEMS\",\"field\":\"items\",\"message\":\"no items\"}],"
                            + "\"source\":{\"topic\":\"orders.submitted.v1\",\"partition\":1,"
                            + "\"offset\":5},\"original\":{\"base64\":\""
                            + original
                            + "\"}}")
                        .getBytes(UTF_8))
                .header(HeaderNames.REJECT_REASON, "TOTAL_MISMATCH,NO_ITEMS")
                .record())
        .get();
    cli =
        new Cli(
            List.of(
                "--bootstrap-servers",
                stack.kafkaBootstrapServers(),
                "--registry-url",
                stack.registryUrl().toString()));
  }

  @Test
  void showsTheAvroValueAsJsonWithEveryHeaderDecoded() {
    // When
    Cli.Run run = cli.run("show", senderDlq + ":0:0");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("record       " + senderDlq + ":0:0")
        .contains("timestamp    2026-05-01T10:15:30.250Z (CreateTime)")
        .contains("original     notify.whatsapp.v1:0:17")
        .contains("error        PERMANENT 131026: Undeliverable")
        .contains("attempts     3, replays 0")
        .contains("order        v-7:A-1001  buyer buyer-42  platform whatsapp")
        .containsPattern("dlq.error.code\\s+131026")
        .containsPattern("legacy.attempt\\s+7 \\(4-byte int, 0x00000007\\)")
        .containsPattern(
            "legacy.sent-at\\s+1777630530250 \\(2026-05-01T10:15:30.250Z\\) \\(8-byte long")
        .containsPattern("value\\s+avro NotificationRequested \\(schema id \\d+\\)")
        .contains("\"notificationId\" : \"v-7:A-1001:whatsapp\"")
        .contains("\"platform\" : \"WHATSAPP\"")
        .contains("\"recipient\" : \"+234********01\"")
        .doesNotContain("+2348030000001");
  }

  @Test
  void revealPrintsTheRecipientInFull() {
    // When
    Cli.Run run = cli.run("show", senderDlq + ":0:0", "--reveal");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"recipient\" : \"+2348030000001\"");
  }

  @Test
  void showsUndecodableBytesAsHexAndBase64WithTheReason() {
    // When
    Cli.Run run = cli.run("show", routerDlq + "-0@0");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("parked by    the router's Kafka Streams error handler")
        .contains("original     orders.created.v1:2:99")
        .contains("error        WireFormatException: MALFORMED_PAYLOAD")
        .containsPattern("value\\s+undecodable: UNKNOWN_SCHEMA_ID")
        .contains("hex          00 00 0f 42 40 ff 01")
        .contains("base64       " + Base64.getEncoder().encodeToString(GARBAGE));
  }

  @Test
  void showsARejectionWithItsReasonsAsJson() throws Exception {
    // When
    Cli.Run run = cli.run("show", rejected + ":0:0", "--json");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode shown = JSON.readTree(run.out());
    assertThat(shown.path("kind").asText()).isEqualTo("REJECTED");
    assertThat(shown.path("orderId").asText()).isEqualTo("v-7:A-1003");
    assertThat(shown.path("buyerId").asText()).isEqualTo("buyer-9");
    assertThat(shown.path("errorClass").asText()).isEqualTo("INVALID");
    assertThat(shown.path("code").asText()).isEqualTo("TOTAL_MISMATCH,NO_ITEMS");
    assertThat(shown.path("message").asText()).isEqualTo("total is not the sum (+1 more)");
    assertThat(shown.path("original").asText()).isEqualTo("orders.submitted.v1:1:5");
    assertThat(shown.path("value").path("format").asText()).isEqualTo("json");
    assertThat(shown.path("value").path("data").path("reasons")).hasSize(2);
  }

  @Test
  void aMissingRecordExitsWithOne() {
    // When
    Cli.Run run = cli.run("show", senderDlq + ":0:5");

    // Then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no record at " + senderDlq + ":0:5");
  }

  @Test
  void aMalformedRecordAddressIsAUsageError() {
    // When
    Cli.Run run = cli.run("show", "not-a-record");

    // Then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("expected a record as topic:partition:offset");
  }
}
