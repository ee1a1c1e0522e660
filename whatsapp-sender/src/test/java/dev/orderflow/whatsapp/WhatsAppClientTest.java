package dev.orderflow.whatsapp;

import static dev.orderflow.sender.fakes.SendOutcomes.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.api.SendOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppClientTest {
  private static final Credentials CREDENTIALS = new Credentials("EAAG-secret", "106540352242922");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private MessagingClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    client = clientFor(URI.create(server.url("/").toString()), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void templateSendPostsTheExactTemplateToThePhoneNumbersMessagesEdgeWithABearerToken()
      throws Exception {
    // Given
    server.enqueue(accepted("wamid.HBgN1"));

    // When
    SendOutcome outcome = client.send(Notifications.notification().build(), CREDENTIALS);

    // Then
    assertThat(outcome).isEqualTo(new SendOutcome.Sent("wamid.HBgN1"));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v23.0/106540352242922/messages");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAG-secret");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(bodyOf(request))
        .isEqualTo(
            JSON.readTree(
                """
                {"messaging_product":"whatsapp","to":"2348031234567",
                 "biz_opaque_callback_data":"ORD-1001:whatsapp","type":"template",
                 "template":{"name":"order_confirmed","language":{"code":"en"},
                  "components":[{"type":"body","parameters":[
                    {"type":"text","text":"Ada"},
                    {"type":"text","text":"ORD-1001"},
                    {"type":"currency","currency":{"fallback_value":"₦1,380,000",
                      "code":"NGN","amount_1000":1380000000}}]}]}}
                """));
  }

  @Test
  void aTemplateWithoutParametersIsSentWithoutComponents() throws Exception {
    server.enqueue(accepted("wamid.2"));
    var template = Notifications.orderConfirmed();
    template.setParameters(List.of());

    client.send(Notifications.notification().setTemplate(template).build(), CREDENTIALS);

    JsonNode sent = bodyOf(server.takeRequest(1, TimeUnit.SECONDS));
    assertThat(sent.path("template").has("components")).isFalse();
    assertThat(sent.path("template").path("name").asText()).isEqualTo("order_confirmed");
  }

  @Test
  void freeTextIsSentWhenTheBuyersServiceWindowIsOpen() throws Exception {
    server.enqueue(accepted("wamid.3"));

    SendOutcome outcome =
        client.send(Notifications.notification().setInsideServiceWindow(true).build(), CREDENTIALS);

    assertThat(outcome).isEqualTo(new SendOutcome.Sent("wamid.3"));
    assertThat(bodyOf(server.takeRequest(1, TimeUnit.SECONDS)))
        .isEqualTo(
            JSON.readTree(
                """
                {"messaging_product":"whatsapp","recipient_type":"individual",
                 "to":"2348031234567","biz_opaque_callback_data":"ORD-1001:whatsapp",
                 "type":"text",
                 "text":{"preview_url":false,
                   "body":"Hi Ada, your order ORD-1001 (₦1,380,000) is confirmed."}}
                """));
  }

  @Test
  void freeTextRefusedAsOutsideTheWindowIsResentAsTheTemplate() throws Exception {
    // Given the router believed the window open, but Meta says it has closed
    server.enqueue(error(400, 131047, "Re-engagement message"));
    server.enqueue(accepted("wamid.4"));

    // When
    SendOutcome outcome =
        client.send(Notifications.notification().setInsideServiceWindow(true).build(), CREDENTIALS);

    // Then
    assertThat(outcome).isEqualTo(new SendOutcome.Sent("wamid.4"));
    assertThat(bodyOf(server.takeRequest(1, TimeUnit.SECONDS)).path("type").asText())
        .isEqualTo("text");
    assertThat(bodyOf(server.takeRequest(1, TimeUnit.SECONDS)).path("type").asText())
        .isEqualTo("template");
  }

  @Test
  void freeTextOutsideTheWindowWithoutATemplateFailsPermanentlyWith131047() {
    server.enqueue(error(400, 131047, "Re-engagement message"));

    SendOutcome outcome =
        client.send(
            Notifications.notification().setInsideServiceWindow(true).setTemplate(null).build(),
            CREDENTIALS);

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().code()).isEqualTo(131047);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aNotificationOutsideTheWindowWithoutATemplateIsRefusedWithoutCallingMeta() {
    SendOutcome outcome =
        client.send(Notifications.notification().setTemplate(null).build(), CREDENTIALS);

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().message()).contains("24-hour window");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aCurrencyParameterWithoutItsCodeIsRefusedWithoutCallingMeta() {
    var template = Notifications.orderConfirmed();
    template.getParameters().get(2).setCurrencyCode(null);

    SendOutcome outcome =
        client.send(Notifications.notification().setTemplate(template).build(), CREDENTIALS);

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().message()).contains("parameter 3 is CURRENCY");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMetaErrorBodyIsParsedAndClassifiedByItsCode() {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .body(
                """
                {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException",
                  "code":130429,"error_subcode":2494055,
                  "error_data":{"messaging_product":"whatsapp","details":"Cloud API throughput reached"},
                  "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}
                """)
            .build());

    SendOutcome outcome = client.send(Notifications.notification().build(), CREDENTIALS);

    assertThat(outcome)
        .isEqualTo(
            new SendOutcome.Failed(
                ErrorClass.BACKOFF,
                new MetaError(
                    429,
                    130429,
                    2494055,
                    "(#130429) Rate limit hit (details: Cloud API throughput reached)",
                    "Az8or2yhqkZfEZ-_4Qn_Bam")));
  }

  @Test
  void anErrorWithoutSubcodeOrDetailsIsParsedWithNulls() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body(
                """
                {"error":{"message":"Error validating access token","type":"OAuthException",
                  "code":190,"fbtrace_id":"trace-190"}}
                """)
            .build());

    SendOutcome outcome = client.send(Notifications.notification().build(), CREDENTIALS);

    assertThat(outcome)
        .isEqualTo(
            new SendOutcome.Failed(
                ErrorClass.REFRESH,
                new MetaError(401, 190, null, "Error validating access token", "trace-190")));
  }

  @Test
  void aResponseSlowerThanTheCallTimeoutIsARetryWithoutResponse() {
    // Given
    client.close();
    client = clientFor(URI.create(server.url("/").toString()), Duration.ofMillis(300));
    server.enqueue(accepted("wamid.late").newBuilder().headersDelay(3, TimeUnit.SECONDS).build());

    // When
    long started = System.nanoTime();
    SendOutcome outcome = client.send(Notifications.notification().build(), CREDENTIALS);

    // Then
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertFailed(
        outcome,
        ErrorClass.RETRY,
        failed -> {
          assertThat(failed.error().httpStatus()).isZero();
          assertThat(failed.error().code()).isNull();
        });
  }

  @Test
  void theProbeReadsThePhoneNumberObjectWithTheToken() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"id\":\"106540352242922\",\"display_phone_number\":\"+234 803\"}")
            .build());

    SendOutcome outcome = client.probe(CREDENTIALS);

    assertThat(outcome).isEqualTo(new SendOutcome.Sent("106540352242922"));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v23.0/106540352242922");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAG-secret");
  }

  @Test
  void aProbeWithARejectedTokenAsksForARefresh() {
    server.enqueue(error(401, 190, "Invalid OAuth access token"));

    SendOutcome outcome = client.probe(CREDENTIALS);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class,
            failed -> assertThat(failed.errorClass()).isEqualTo(ErrorClass.REFRESH));
  }

  private static MessagingClient clientFor(URI base, Duration callTimeout) {
    var config = new PlatformClientConfig(base, "v23.0", Duration.ofSeconds(1), callTimeout, 8);
    return new WhatsAppPlatform().client(config);
  }

  private static MockResponse accepted(String wamid) {
    return new MockResponse.Builder()
        .code(200)
        .body(
            """
            {"messaging_product":"whatsapp",
             "contacts":[{"input":"2348031234567","wa_id":"2348031234567"}],
             "messages":[{"id":"%s"}]}
            """
                .formatted(wamid))
        .build();
  }

  private static MockResponse error(int status, int code, String message) {
    return new MockResponse.Builder()
        .code(status)
        .body(
            """
            {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,"fbtrace_id":"t"}}
            """
                .formatted(code, message, code))
        .build();
  }

  private static JsonNode bodyOf(RecordedRequest request) throws IOException {
    assertThat(request).as("a request reached the server").isNotNull();
    return JSON.readTree(request.getBody().utf8());
  }
}
