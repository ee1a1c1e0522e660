package dev.orderflow.instagram;

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
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstagramClientTest {
  private static final String IG_ID = "17841400000000001";
  private static final String PAGE_ID = "104000000000002";
  private static final Credentials INSTAGRAM_LOGIN = new Credentials("IGQ-secret", IG_ID);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private MessagingClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    client = clientFor(InstagramHostStyle.INSTAGRAM_LOGIN, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @ParameterizedTest(name = "{0} posts to /v23.0/{1}/messages")
  @CsvSource({"INSTAGRAM_LOGIN, " + IG_ID, "FACEBOOK_PAGE, " + PAGE_ID})
  void aTextIsPostedToTheExplicitAccountsMessagesEdgeNeverToMe(
      InstagramHostStyle style, String accountId) throws Exception {
    // Given
    client.close();
    client = clientFor(style, Duration.ofSeconds(5));
    server.enqueue(accepted("mid.aWdfZAG1"));

    // When
    SendOutcome outcome =
        client.send(Notifications.notification().build(), new Credentials("token", accountId));

    // Then
    assertThat(outcome).isEqualTo(new SendOutcome.Sent("mid.aWdfZAG1"));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v23.0/" + accountId + "/messages");
    assertThat(request.getUrl().pathSegments()).doesNotContain("me");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(bodyOf(request))
        .isEqualTo(
            JSON.readTree(
                """
                {"recipient":{"id":"6543210987654321"},
                 "message":{"text":"Your order ORD-2002 (₦45,000) don land. Thank you!"}}
                """));
  }

  @Test
  void aTextOfExactlyOneThousandUtf8BytesIsSent() throws Exception {
    server.enqueue(accepted("mid.2"));
    String thousandBytes = "é".repeat(500);

    SendOutcome outcome =
        client.send(Notifications.notification().setText(thousandBytes).build(), INSTAGRAM_LOGIN);

    assertThat(outcome).isEqualTo(new SendOutcome.Sent("mid.2"));
    assertThat(bodyOf(server.takeRequest(1, TimeUnit.SECONDS)).at("/message/text").asText())
        .isEqualTo(thousandBytes);
  }

  @Test
  void aTextLongerThanOneThousandUtf8BytesIsRefusedWithoutCallingMeta() {
    String tooLong = "₦".repeat(334); // 3 bytes each: 1,002 bytes in 334 characters

    SendOutcome outcome =
        client.send(Notifications.notification().setText(tooLong).build(), INSTAGRAM_LOGIN);

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().message()).contains("1002 UTF-8 bytes");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aClosedMessagingWindowIsParsedWithItsSubcodeAndIsPermanent() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body(
                """
                {"error":{"message":"(#10) This message is sent outside of allowed window.",
                  "type":"OAuthException","code":10,"error_subcode":2534022,
                  "error_user_msg":"The buyer has not written for over 24 hours",
                  "fbtrace_id":"AbCdEf123"}}
                """)
            .build());

    SendOutcome outcome = client.send(Notifications.notification().build(), INSTAGRAM_LOGIN);

    assertThat(outcome)
        .isEqualTo(
            new SendOutcome.Failed(
                ErrorClass.PERMANENT,
                new MetaError(
                    400,
                    10,
                    2534022,
                    "(#10) This message is sent outside of allowed window. (details: The buyer"
                        + " has not written for over 24 hours)",
                    "AbCdEf123")));
  }

  @Test
  void aThrottleWithoutSubcodeIsABackoff() {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body(
                """
                {"error":{"message":"(#613) Calls to this api have exceeded the rate limit.",
                  "type":"OAuthException","code":613,"fbtrace_id":"t613"}}
                """)
            .build());

    SendOutcome outcome = client.send(Notifications.notification().build(), INSTAGRAM_LOGIN);

    assertFailed(
        outcome,
        ErrorClass.BACKOFF,
        failed -> {
          assertThat(failed.error().subcode()).isNull();
          assertThat(failed.error().fbtraceId()).isEqualTo("t613");
        });
  }

  @ParameterizedTest(name = "{0} probes GET /v23.0/me?fields={1}")
  @CsvSource({
    "INSTAGRAM_LOGIN, user_id, " + IG_ID,
    "FACEBOOK_PAGE, id, " + PAGE_ID,
  })
  void theProbeChecksThatTheTokenBelongsToTheConfiguredAccount(
      InstagramHostStyle style, String field, String accountId) throws Exception {
    // Given
    client.close();
    client = clientFor(style, Duration.ofSeconds(5));
    server.enqueue(ok("{\"%s\":\"%s\"}".formatted(field, accountId)));

    // When
    SendOutcome outcome = client.probe(new Credentials("token", accountId));

    // Then
    assertThat(outcome).isEqualTo(new SendOutcome.Sent(accountId));
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v23.0/me?fields=" + field);
  }

  @Test
  void anInstagramLoginProbeAnsweredWithOnlyAnIdComparesThatId() {
    server.enqueue(ok("{\"id\":\"%s\"}".formatted(IG_ID)));

    assertThat(client.probe(INSTAGRAM_LOGIN)).isEqualTo(new SendOutcome.Sent(IG_ID));
  }

  @Test
  void aProbeAnsweredForAnotherAccountPausesTheChannel() {
    // Given a user token where the Page's token belongs (Facebook Login: the Page's token sends)
    client.close();
    client = clientFor(InstagramHostStyle.FACEBOOK_PAGE, Duration.ofSeconds(5));
    server.enqueue(ok("{\"id\":\"100000000000009\",\"name\":\"Ops Person\"}"));

    SendOutcome outcome = client.probe(new Credentials("token", PAGE_ID));

    assertFailed(
        outcome,
        ErrorClass.PERMANENT_CONFIG,
        failed -> {
          assertThat(failed.error().message()).contains("100000000000009");
        });
  }

  @Test
  void aProbeWithAnExpiredTokenAsksForARefresh() {
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body(
                """
                {"error":{"message":"Error validating access token: Session has expired",
                  "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"t"}}
                """)
            .build());

    SendOutcome outcome = client.probe(INSTAGRAM_LOGIN);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class,
            failed -> assertThat(failed.errorClass()).isEqualTo(ErrorClass.REFRESH));
  }

  private MessagingClient clientFor(InstagramHostStyle style, Duration callTimeout) {
    var base = URI.create(server.url("/").toString());
    var config = new PlatformClientConfig(base, "v23.0", Duration.ofSeconds(1), callTimeout, 8);
    return new InstagramPlatform(style).client(config);
  }

  private static MockResponse accepted(String mid) {
    return ok("{\"recipient_id\":\"6543210987654321\",\"message_id\":\"%s\"}".formatted(mid));
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  private static JsonNode bodyOf(RecordedRequest request) throws IOException {
    assertThat(request).as("a request reached the server").isNotNull();
    return JSON.readTree(request.getBody().utf8());
  }
}
