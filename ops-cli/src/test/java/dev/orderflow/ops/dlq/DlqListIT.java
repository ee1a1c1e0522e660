package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.Platform;
import dev.orderflow.testsupport.RealStack;
import dev.orderflow.testsupport.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ops dlq list} and {@code stats} against real Kafka and the real registry. */
@RealStack
class DlqListIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant BASE =
      Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(6 * 3600);

  private static String whatsappDlq;
  private static String unroutable;
  private static Cli cli;

  @BeforeAll
  static void seed(TestStack stack) throws Exception {
    whatsappDlq = stack.uniqueTopic("notify.whatsapp.dlq.v1");
    unroutable = stack.uniqueTopic("notify.unroutable.v1");
    stack.createTopic(whatsappDlq, 2);
    stack.createTopic(unroutable, 1);
    int schemaId =
        new AvroValues(stack.registryUrl())
            .register(whatsappDlq + "-value", NotificationRequested.getClassSchema());
    var producer = stack.producer();
    send(producer, failure(schemaId, "o-1", "b-1", Platform.WHATSAPP, "PERMANENT", "131026", 0, 0));
    send(producer, failure(schemaId, "o-2", "b-2", Platform.WHATSAPP, "RETRY", "131000", 1, 1));
    send(producer, failure(schemaId, "o-3", "b-1", Platform.INSTAGRAM, "PERMANENT", "100", 2, 0));
    send(
        producer,
        failure(schemaId, "o-4", "b-3", Platform.WHATSAPP, "BACKOFF", "130429", 3, 1)
            .header(HeaderNames.DLQ_ORIGINAL_TOPIC, "notify.whatsapp.v2"));
    send(
        producer,
        Parked.in(unroutable)
            .at(BASE.plusSeconds(4 * 3600))
            .key("o-5")
            .value("{\"orderId\":\"o-5\",\"buyerId\":\"b-9\"}".getBytes(StandardCharsets.UTF_8))
            .header(HeaderNames.UNROUTABLE_REASON, "UNKNOWN_BUYER")
            .header(HeaderNames.UNROUTABLE_DETAIL, "no buyer b-9 in the directory"));
    producer.flush();
    cli =
        new Cli(
            List.of(
                "--bootstrap-servers",
                stack.kafkaBootstrapServers(),
                "--registry-url",
                stack.registryUrl().toString()));
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        Arguments.of(List.of("--error-class", "PERMANENT"), List.of("o-1", "o-3")),
        Arguments.of(List.of("--error-class", "permanent,backoff"), List.of("o-1", "o-3", "o-4")),
        Arguments.of(List.of("--code", "131000"), List.of("o-2")),
        Arguments.of(List.of("--order-id", "o-3"), List.of("o-3")),
        Arguments.of(List.of("--buyer-id", "b-1"), List.of("o-1", "o-3")),
        Arguments.of(List.of("--platform", "instagram"), List.of("o-3")),
        Arguments.of(List.of("--original-topic", "notify.whatsapp.v2"), List.of("o-4")),
        Arguments.of(
            List.of(
                "--since",
                BASE.plusSeconds(3600).toString(),
                "--until",
                BASE.plusSeconds(3 * 3600).toString()),
            List.of("o-2", "o-3")),
        Arguments.of(List.of("--partition", "1"), List.of("o-2", "o-4")),
        Arguments.of(List.of("--partition", "0", "--from-offset", "1"), List.of("o-3")),
        Arguments.of(
            List.of("--error-class", "PERMANENT", "--platform", "whatsapp"), List.of("o-1")),
        Arguments.of(List.of("--code", "no-such-code"), List.of()));
  }

  @ParameterizedTest(name = "{0} selects {1}")
  @MethodSource("filters")
  void eachFilterSelectsExactlyTheMatchingDeadLetters(List<String> filter, List<String> orders) {
    // When
    String[] args =
        Stream.concat(Stream.of("--topic", whatsappDlq, "--json"), filter.stream())
            .toArray(String[]::new);
    Cli.Run run = cli.run("list", args);

    // Then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(orders.isEmpty() ? 1 : 0);
    assertThat(orderIds(run)).containsExactlyInAnyOrderElementsOf(orders);
  }

  @Test
  void theTableShowsWhyEachRecordFailedAndOffersTheNextPage() {
    // When
    Cli.Run run = cli.run("list", "--topic", whatsappDlq, "--limit", "3");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.lines().getFirst())
        .contains(
            "TIME",
            "RECORD",
            "KEY",
            "ORDER",
            "BUYER",
            "PLATFORM",
            "CLASS",
            "CODE",
            "ATTEMPTS",
            "REPLAYS",
            "MESSAGE");
    assertThat(run.out())
        .contains(whatsappDlq + ":0:0", "o-1", "b-1", "whatsapp", "PERMANENT", "131026")
        .contains("3 shown; more match: add --offset 3 for the next page");
  }

  @Test
  void pagesTogetherListEveryRecordOnce() throws Exception {
    // When
    Cli.Run first = cli.run("list", "--topic", whatsappDlq, "--json", "--limit", "3");
    Cli.Run second =
        cli.run("list", "--topic", whatsappDlq, "--json", "--limit", "3", "--offset", "3");

    // Then
    assertThat(orderIds(first)).hasSize(3);
    assertThat(orderIds(second)).hasSize(1);
    assertThat(Stream.concat(orderIds(first).stream(), orderIds(second).stream()))
        .containsExactlyInAnyOrder("o-1", "o-2", "o-3", "o-4");
  }

  @Test
  void csvHasAHeaderRowAndOneRowPerDeadLetter() {
    // When
    Cli.Run run = cli.run("list", "--topic", whatsappDlq, "--csv", "--code", "131026");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.lines()).hasSize(2);
    assertThat(run.lines().get(0)).startsWith("time,record,key,orderId,buyerId,platform");
    assertThat(run.lines().get(1))
        .contains(whatsappDlq + ":0:0", "o-1", "b-1", "whatsapp", "PERMANENT", "131026");
  }

  @Test
  void unroutableOrdersAreListedWithTheirReason() throws Exception {
    // When
    Cli.Run run = cli.run("list", "--topic", unroutable, "--json");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode row = JSON.readTree(run.lines().getFirst());
    assertThat(row.path("orderId").asText()).isEqualTo("o-5");
    assertThat(row.path("buyerId").asText()).isEqualTo("b-9");
    assertThat(row.path("errorClass").asText()).isEqualTo("UNROUTABLE");
    assertThat(row.path("code").asText()).isEqualTo("UNKNOWN_BUYER");
    assertThat(row.path("message").asText()).isEqualTo("no buyer b-9 in the directory");
  }

  @Test
  void statsCountByClassCodeAndPlatformWithAHistogram() {
    // When
    Cli.Run run = cli.run("stats", "--topic", whatsappDlq + "," + unroutable, "--bucket", "1h");

    // Then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("5 dead letters")
        .containsPattern("PERMANENT\\s+2\\s+40\\.0%")
        .containsPattern("UNROUTABLE UNKNOWN_BUYER\\s+1")
        .containsPattern("whatsapp\\s+3")
        .containsPattern("instagram\\s+1")
        .contains("over time (1h buckets, UTC)");
    assertThat(run.lines().stream().filter(l -> l.matches("\\s+\\d{4}-.*Z\\s+#*\\s*\\d+")))
        .hasSize(5);
  }

  @Test
  void anUnknownTopicIsAUsageError() {
    // When
    Cli.Run run = cli.run("list", "--topic", whatsappDlq + ".missing");

    // Then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: topic " + whatsappDlq + ".missing does not exist");
  }

  private static Parked failure(
      int schemaId,
      String orderId,
      String buyerId,
      Platform platform,
      String errorClass,
      String code,
      int hoursAfterBase,
      int partition) {
    NotificationRequested value = Notifications.of(orderId, buyerId, platform);
    return Parked.in(whatsappDlq)
        .partition(partition)
        .at(BASE.plusSeconds(hoursAfterBase * 3600L))
        .key(buyerId)
        .value(Notifications.framed(schemaId, value))
        .header(HeaderNames.CORRELATION_ID, value.getCorrelationId())
        .senderFailure(
            "notify." + platform.name().toLowerCase() + ".v1", errorClass, code, "failed " + code);
  }

  private static void send(
      org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer, Parked parked)
      throws Exception {
    producer.send(parked.record()).get();
  }

  private static List<String> orderIds(Cli.Run run) {
    return run.lines().stream()
        .map(
            line -> {
              try {
                return JSON.readTree(line).path("orderId").asText();
              } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
              }
            })
        .toList();
  }
}
