package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.IG_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.IG_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.WA_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.WA_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.instagram;
import static dev.orderflow.devservers.meta.GraphCalls.template;
import static dev.orderflow.devservers.meta.GraphCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ControlEndpointTest {

  @RegisterExtension static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String BUYER = "2348012345678";

  @Test
  void deliveredLogListsWhatWasSentToOneRecipientOnOnePlatform() throws Exception {
    // Given
    String wamid =
        SIM.graph()
            .post(WA_MESSAGES, WA_TOKEN, template("+" + BUYER))
            .body()
            .at("/messages/0/id")
            .asText();
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348099999999"));
    SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram(BUYER, "Hi"));

    // When
    var messages = SIM.client().messages(Platform.WHATSAPP, BUYER);

    // Then
    assertThat(messages)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(wamid);
              assertThat(message.account()).isEqualTo(SimulatorSettings.DEFAULT_PHONE_NUMBER_ID);
              assertThat(message.recipient()).isEqualTo(BUYER);
              assertThat(message.type()).isEqualTo("template");
              assertThat(message.templateName()).isEqualTo("order_shipped");
              assertThat(message.language()).isEqualTo("en_NG");
              assertThat(message.parameters()).hasSize(2);
              assertThat(message.parameters().get(0).path("text").asText()).isEqualTo("Ada");
              assertThat(message.parameters().get(1).at("/currency/amount_1000").asLong())
                  .isEqualTo(4_990_000);
              assertThat(message.receivedAt()).isEqualTo(SimulatorExtension.START);
              assertThat(message.tokenSuffix())
                  .isEqualTo(WA_TOKEN.substring(WA_TOKEN.length() - 4));
            });
  }

  @Test
  void deliveredLogKeepsTheTextOfFreeFormMessages() throws Exception {
    SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("42", "Your order #12345 has shipped"));

    assertThat(SIM.client().messages(Platform.INSTAGRAM, "42"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.text()).isEqualTo("Your order #12345 has shipped");
              assertThat(message.account()).isEqualTo(SimulatorSettings.DEFAULT_INSTAGRAM_ID);
            });
  }

  @Test
  void statsCountAcceptedMessagesRejectionsByCodeAndDuplicates() throws Exception {
    SIM.client().update(settings -> settings.withPairIntervalMs(0));
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, text(BUYER, "outside the window"));
    SIM.graph().post(WA_MESSAGES, "wrong-token", template(BUYER));

    SimulatorStats stats = SIM.client().stats();

    assertThat(stats.accepted(Platform.WHATSAPP)).isEqualTo(2);
    assertThat(stats.duplicates(Platform.WHATSAPP)).isEqualTo(1);
    assertThat(stats.rejected(131047)).isEqualTo(1);
    assertThat(stats.rejected(190)).isEqualTo(1);
    assertThat(stats.accepted(Platform.INSTAGRAM)).isZero();
  }

  @Test
  void resetClearsLogStatsWindowsAndFaultsButKeepsSettings() throws Exception {
    // Given
    SIM.client().update(Platform.WHATSAPP, settings -> settings.withRatePerSecond(7));
    SIM.client().openWindow(Platform.WHATSAPP, BUYER);
    SIM.client().addFaults(FaultRule.error(Platform.INSTAGRAM, 2));
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, text(BUYER, "inside the window"));

    // When
    SIM.client().reset();

    // Then
    assertThat(SIM.client().messages(Platform.WHATSAPP)).isEmpty();
    assertThat(SIM.client().stats().accepted(Platform.WHATSAPP)).isZero();
    assertThat(SIM.client().faults()).isEmpty();
    assertThat(SIM.graph().post(WA_MESSAGES, WA_TOKEN, text(BUYER, "again")).errorCode())
        .isEqualTo(131047);
    assertThat(SIM.client().settings().whatsapp().ratePerSecond()).isEqualTo(7);
  }

  @Test
  void resetAllAlsoRestoresTheStartupSettings() {
    SIM.client().setValidToken(Platform.WHATSAPP, "another-token");

    SIM.client().resetAll();

    assertThat(SIM.client().settings()).isEqualTo(SimulatorSettings.defaults());
  }

  @Test
  void aPartialSettingsObjectChangesOnlyTheKeysItNames() throws Exception {
    HttpResponse<String> response =
        control("POST", "/_sim/config", "{\"instagram\":{\"latencyMs\":5,\"jitterMs\":2}}");

    SimulatorSettings settings = SIM.client().settings();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(settings.instagram().latencyMs()).isEqualTo(5);
    assertThat(settings.instagram().jitterMs()).isEqualTo(2);
    assertThat(settings.instagram().token()).isEqualTo(IG_TOKEN);
    assertThat(settings.whatsapp()).isEqualTo(SimulatorSettings.defaults().whatsapp());
  }

  @Test
  void invalidSettingsAreRefusedWith400NamingTheKeyAndChangeNothing() throws Exception {
    HttpResponse<String> response =
        control("POST", "/_sim/config", "{\"whatsapp\":{\"ratePerSecond\":0}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("ratePerSecond");
    assertThat(SIM.client().settings()).isEqualTo(SimulatorSettings.defaults());
  }

  @Test
  void faultsCanBePostedAsOneRuleOrAsAnArray() throws Exception {
    control(
        "POST", "/_sim/faults", "{\"platform\":\"whatsapp\",\"kind\":\"error\",\"code\":131026}");
    control(
        "POST",
        "/_sim/faults",
        "[{\"platform\":\"instagram\",\"kind\":\"timeout\",\"delayMs\":5000,\"count\":1},"
            + "{\"platform\":\"whatsapp\",\"kind\":\"http5xx\",\"status\":503}]");

    assertThat(SIM.client().faults())
        .extracting(FaultRule::kind)
        .containsExactly(FaultRule.Kind.ERROR, FaultRule.Kind.TIMEOUT, FaultRule.Kind.HTTP_5XX);
  }

  @Test
  void aFaultMissingWhatItsKindNeedsIsRefusedWith400() throws Exception {
    HttpResponse<String> response =
        control("POST", "/_sim/faults", "{\"platform\":\"whatsapp\",\"kind\":\"timeout\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("delayMs");
    assertThat(SIM.client().faults()).isEmpty();
  }

  @Test
  void anUnknownControlRouteGets404() throws Exception {
    assertThat(control("GET", "/_sim/unknown", null).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> control(String method, String path, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(SIM.client().baseUri() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
