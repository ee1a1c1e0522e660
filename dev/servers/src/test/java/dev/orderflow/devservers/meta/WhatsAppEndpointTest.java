package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.WA_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.WA_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.template;
import static dev.orderflow.devservers.meta.GraphCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.devservers.meta.GraphCalls.GraphReply;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WhatsAppEndpointTest {

  @RegisterExtension static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String BUYER = "+2348012345678";

  @Test
  void templateMessageIsAcceptedWithMetasSuccessShape() throws Exception {
    GraphReply reply = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("messaging_product").asText()).isEqualTo("whatsapp");
    assertThat(reply.body().at("/contacts/0/input").asText()).isEqualTo(BUYER);
    assertThat(reply.body().at("/contacts/0/wa_id").asText()).isEqualTo("2348012345678");
    assertThat(reply.body().at("/messages/0/id").asText()).startsWith("wamid.");
  }

  @Test
  void everyAcceptedMessageGetsItsOwnWamid() throws Exception {
    GraphReply first = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348000000001"));
    GraphReply second = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348000000002"));

    assertThat(first.body().at("/messages/0/id").asText())
        .isNotEqualTo(second.body().at("/messages/0/id").asText());
  }

  @Test
  void freeTextOutsideTheWindowIsRefusedWith131047() throws Exception {
    GraphReply reply = SIM.graph().post(WA_MESSAGES, WA_TOKEN, text(BUYER, "Your order shipped"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(131047);
    assertThat(reply.body().at("/error/type").asText()).isEqualTo("OAuthException");
    assertThat(reply.body().at("/error/message").asText()).startsWith("(#131047)");
    assertThat(reply.body().at("/error/error_data/messaging_product").asText())
        .isEqualTo("whatsapp");
    assertThat(reply.body().at("/error/error_data/details").asText()).contains("24 hours");
    assertThat(reply.body().at("/error/fbtrace_id").asText()).startsWith("A");
  }

  @Test
  void freeTextInsideAnOpenWindowIsAcceptedUntilTheWindowCloses() throws Exception {
    // Given
    SIM.client().openWindow(Platform.WHATSAPP, BUYER);

    // When
    GraphReply inside = SIM.graph().post(WA_MESSAGES, WA_TOKEN, text("2348012345678", "Hi"));
    SIM.clock().advance(Duration.ofHours(24));
    GraphReply after = SIM.graph().post(WA_MESSAGES, WA_TOKEN, text("2348012345678", "Hi"));

    // Then
    assertThat(inside.status()).isEqualTo(200);
    assertThat(after.errorCode()).isEqualTo(131047);
  }

  @Test
  void messagesPastThePhoneNumbersThroughputGet130429UntilTheSecondHasPassed() throws Exception {
    SIM.client().update(Platform.WHATSAPP, settings -> settings.withRatePerSecond(3));
    for (int i = 1; i <= 3; i++) {
      assertThat(SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("234800000000" + i)).status())
          .isEqualTo(200);
    }

    GraphReply capped = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348000000004"));
    SIM.clock().advance(Duration.ofSeconds(1));
    GraphReply later = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348000000004"));

    assertThat(capped.status()).isEqualTo(429);
    assertThat(capped.errorCode()).isEqualTo(130429);
    assertThat(later.status()).isEqualTo(200);
  }

  @Test
  void secondMessageToTheSameRecipientWithinThePairIntervalGets131056() throws Exception {
    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    GraphReply again = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    GraphReply otherBuyer = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348099999999"));
    SIM.clock().advance(Duration.ofSeconds(6));
    GraphReply afterInterval = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(again.status()).isEqualTo(429);
    assertThat(again.errorCode()).isEqualTo(131056);
    assertThat(otherBuyer.status()).isEqualTo(200);
    assertThat(afterInterval.status()).isEqualTo(200);
  }

  @Test
  void pairLimitCanBeDisabled() throws Exception {
    SIM.client().update(settings -> settings.withPairIntervalMs(0));

    SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    GraphReply again = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(again.status()).isEqualTo(200);
  }

  @Test
  void aWrongTokenGets190UntilTheSimulatorIsToldTheRotatedToken() throws Exception {
    String rotated = "rotated-token-7731";
    GraphReply before = SIM.graph().post(WA_MESSAGES, rotated, template(BUYER));

    SIM.client().setValidToken(Platform.WHATSAPP, rotated);
    GraphReply withRotated = SIM.graph().post(WA_MESSAGES, rotated, template(BUYER));
    GraphReply withOld = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348000000009"));

    assertThat(before.status()).isEqualTo(401);
    assertThat(before.errorCode()).isEqualTo(190);
    assertThat(withRotated.status()).isEqualTo(200);
    assertThat(withOld.errorCode()).isEqualTo(190);
    assertThat(SIM.client().messages(Platform.WHATSAPP, BUYER))
        .singleElement()
        .extracting(DeliveredMessage::tokenSuffix)
        .isEqualTo("7731");
  }

  @Test
  void aCallWithoutAuthorizationGets190() throws Exception {
    GraphReply reply = SIM.graph().post(WA_MESSAGES, null, template(BUYER));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo(190);
  }

  @ParameterizedTest(name = "{0} gets {2}")
  @MethodSource("invalidRequests")
  void invalidRequestsGetMetasValidationCodes(String problem, String body, int code)
      throws Exception {
    GraphReply reply = SIM.graph().post(WA_MESSAGES, WA_TOKEN, body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(code);
    assertThat(SIM.client().stats().accepted(Platform.WHATSAPP)).isZero();
  }

  static Stream<Arguments> invalidRequests() {
    String valid = template(BUYER);
    return Stream.of(
        Arguments.of("a body that is not JSON", "messaging_product=whatsapp", 100),
        Arguments.of("no messaging_product", valid.replace("\"whatsapp\"", "\"sms\""), 100),
        Arguments.of("no recipient", valid.replace("\"to\"", "\"too\""), 131008),
        Arguments.of("a recipient that is no number", template("Ada Obi"), 131009),
        Arguments.of("an unsupported type", valid.replace("\"template\",", "\"image\","), 131051),
        Arguments.of("a template without name", valid.replace("\"name\"", "\"nam\""), 131008),
        Arguments.of("a fractional amount_1000", valid.replace("4990000", "4990.5"), 131009),
        Arguments.of("a lower-case currency", valid.replace("\"NGN\"", "\"ngn\""), 131009),
        Arguments.of("a text without body", text(BUYER, "x").replace("\"body\"", "\"b\""), 131008));
  }
}
