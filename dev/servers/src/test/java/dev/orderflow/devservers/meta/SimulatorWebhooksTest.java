package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.IG_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.IG_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.WA_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.WA_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.instagram;
import static dev.orderflow.devservers.meta.GraphCalls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulatorWebhooksTest {

  @RegisterExtension static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String BUYER = "2348030000001";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private WebhookReceiver receiver;

  @BeforeEach
  void pointTheSimulatorAtAReceiver() throws Exception {
    receiver = new WebhookReceiver();
    SIM.client()
        .updateWebhooks(w -> w.withUrl(receiver.url()).withDelays(0, 20, 40L).withRetries(3, 20));
  }

  @AfterEach
  void stopTheReceiver() {
    receiver.close();
  }

  @Test
  void anAcceptedWhatsAppMessageIsFollowedBySignedStatusesEchoingItsCallbackData()
      throws Exception {
    // Given
    String send =
        template("+" + BUYER)
            .replaceFirst("\\{", "{\"biz_opaque_callback_data\":\"v:o-1:whatsapp\",");

    // When
    String wamid =
        SIM.graph().post(WA_MESSAGES, WA_TOKEN, send).body().at("/messages/0/id").asText();

    // Then
    await().atMost(WAIT).until(() -> receiver.posts().size() == 3);
    List<WebhookReceiver.Call> posts = receiver.posts();
    // Planned in order (StatusPlanTest); 20 ms apart, they may still arrive in any order.
    assertThat(posts)
        .extracting(c -> c.json().at("/entry/0/changes/0/value/statuses/0/status").asText())
        .containsExactlyInAnyOrder("sent", "delivered", "read");
    assertThat(posts)
        .allSatisfy(
            c -> {
              assertThat(c.signature())
                  .isEqualTo(WebhookSigner.sign(c.body(), WebhookSettings.DEFAULT_APP_SECRET));
              assertThat(c.json().at("/entry/0/changes/0/value/statuses/0/id").asText())
                  .isEqualTo(wamid);
              assertThat(
                      c.json()
                          .at("/entry/0/changes/0/value/statuses/0/biz_opaque_callback_data")
                          .asText())
                  .isEqualTo("v:o-1:whatsapp");
            });
    assertThat(SIM.client().messages(Platform.WHATSAPP, BUYER).getFirst().bizOpaqueCallbackData())
        .isEqualTo("v:o-1:whatsapp");
  }

  @Test
  void aScriptedAsyncFailureReportsSentThenFailedWith131026() throws Exception {
    SIM.client().addAsyncFailures(AsyncFailure.undeliverable("+" + BUYER).times(1));

    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    await().atMost(WAIT).until(() -> receiver.posts().size() == 2);
    var failed =
        receiver.posts().stream()
            .map(c -> c.json().at("/entry/0/changes/0/value/statuses/0"))
            .filter(status -> !status.path("status").asText().equals("sent"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.at("/errors/0/code").asInt()).isEqualTo(131026);
    assertThat(SIM.client().webhookDeliveries()).hasSize(2);
  }

  @Test
  void aWebhookAnsweredWithAnErrorIsDeliveredAgain() throws Exception {
    SIM.client().updateWebhooks(w -> w.withDelays(0, 0, null));
    receiver.answerNext(503);

    String mid =
        SIM.graph()
            .post(IG_MESSAGES, IG_TOKEN, instagram("6800000000000001", "Hi"))
            .body()
            .path("message_id")
            .asText();

    await().atMost(WAIT).until(() -> receiver.posts().size() == 2);
    assertThat(SIM.client().webhookDeliveries(mid))
        .extracting(WebhookDelivery::event, WebhookDelivery::attempt, WebhookDelivery::httpStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sent", 1, 503),
            org.assertj.core.groups.Tuple.tuple("sent", 2, 200));
    assertThat(receiver.posts().get(1).body()).isEqualTo(receiver.posts().get(0).body());
  }

  @Test
  void anInboundMessageIsPostedAtOnceAndOpensTheBuyersWindow() throws Exception {
    // Given a closed window: free text is refused
    SIM.client().closeWindow(Platform.WHATSAPP, BUYER);
    assertThat(SIM.graph().post(WA_MESSAGES, WA_TOKEN, text(BUYER, "hello")).errorCode())
        .isEqualTo(131047);

    // When
    InboundResult result =
        SIM.client().sendInbound(InboundRequest.text(Platform.WHATSAPP, "+" + BUYER, "STOP"));

    // Then
    assertThat(result.delivery().httpStatus()).isEqualTo(200);
    var message = receiver.posts().getFirst().json().at("/entry/0/changes/0/value/messages/0");
    assertThat(message.path("from").asText()).isEqualTo(BUYER);
    assertThat(message.path("id").asText()).isEqualTo(result.messageId());
    assertThat(message.at("/text/body").asText()).isEqualTo("STOP");
    assertThat(SIM.graph().post(WA_MESSAGES, WA_TOKEN, text(BUYER, "hello")).status())
        .isEqualTo(200);
  }

  @Test
  void anInstagramInboundMessageComesFromTheIgsid() {
    InboundResult result =
        SIM.client()
            .sendInbound(
                InboundRequest.text(Platform.INSTAGRAM, "6800000000000002", "Is it paid?"));

    var event = receiver.posts().getFirst().json().at("/entry/0/messaging/0");
    assertThat(event.at("/sender/id").asText()).isEqualTo("6800000000000002");
    assertThat(event.at("/recipient/id").asText())
        .isEqualTo(SimulatorSettings.DEFAULT_INSTAGRAM_ID);
    assertThat(event.at("/message/mid").asText()).isEqualTo(result.messageId());
  }

  @Test
  void theHandshakePresentsTheVerifyTokenAndChecksTheEcho() {
    VerifyResult good = SIM.client().verifyWebhook();
    SIM.client().updateWebhooks(w -> w.withSecrets(WebhookSettings.DEFAULT_APP_SECRET, "wrong"));
    VerifyResult bad = SIM.client().verifyWebhook();

    assertThat(good.verified()).isTrue();
    assertThat(receiver.calls().getFirst().query()).contains("hub.mode=subscribe");
    assertThat(bad.verified()).isFalse();
  }

  @Test
  void withoutAUrlNoWebhookIsCalled() throws Exception {
    SIM.client().updateWebhooks(w -> w.withUrl(null));

    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    SIM.client().updateWebhooks(w -> w.withUrl(receiver.url()));
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348030000002"));

    await().atMost(WAIT).until(() -> receiver.posts().size() == 3);
    assertThat(receiver.posts())
        .extracting(c -> c.json().at("/entry/0/changes/0/value/statuses/0/recipient_id").asText())
        .containsOnly("2348030000002");
  }

  private static String template(String to) {
    return GraphCalls.template(to);
  }
}
