package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.IG_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.IG_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.WA_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.WA_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.instagram;
import static dev.orderflow.devservers.meta.GraphCalls.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.devservers.meta.GraphCalls.GraphReply;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimulatorFaultsTest {

  @RegisterExtension static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String BUYER = "2348012345678";

  @BeforeEach
  void noPairLimit() {
    SIM.client().update(settings -> settings.withPairIntervalMs(0));
  }

  @Test
  void http5xxFaultAnswersItsStatusAndCodeForCountCallsThenLetsCallsThrough() throws Exception {
    SIM.client().addFaults(FaultRule.http5xx(Platform.WHATSAPP, 503, 131016).times(2));

    GraphReply first = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    GraphReply second = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    GraphReply third = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.errorCode()).isEqualTo(131016);
    assertThat(second.errorCode()).isEqualTo(131016);
    assertThat(third.status()).isEqualTo(200);
    assertThat(SIM.client().faults()).isEmpty();
  }

  @Test
  void http5xxFaultWithoutCodeAnswersABodyThatIsNotGraphJson() throws Exception {
    SIM.client().addFaults(FaultRule.http5xx(Platform.INSTAGRAM, 502).times(1));

    GraphReply reply = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("42", "Hi"));

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.contentType()).startsWith("text/html");
    assertThat(SIM.client().stats().rejectedByCode()).containsEntry("http502", 1L);
  }

  @Test
  void errorFaultCarriesCodeSubcodeAndTheStatusMetaUsesForTheCode() throws Exception {
    SIM.client().addFaults(FaultRule.error(Platform.INSTAGRAM, 2).withSubcode(1545133).times(1));

    GraphReply reply = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("42", "Hi"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.errorCode()).isEqualTo(2);
    assertThat(reply.errorSubcode()).isEqualTo(1545133);
  }

  @Test
  void errorFaultWithAnExplicitStatusUsesIt() throws Exception {
    SIM.client().addFaults(FaultRule.error(Platform.WHATSAPP, 131000).withStatus(502).times(1));

    GraphReply reply = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.errorCode()).isEqualTo(131000);
  }

  @Test
  void recipientSpecificFaultHitsThatRecipientEveryTimeAndNobodyElse() throws Exception {
    SIM.client().addFaults(FaultRule.error(Platform.WHATSAPP, 131026).forRecipient("+" + BUYER));

    for (int i = 0; i < 3; i++) {
      GraphReply reply = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
      assertThat(reply.errorCode()).isEqualTo(131026);
    }
    GraphReply other = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template("2348099999999"));

    assertThat(other.status()).isEqualTo(200);
    assertThat(SIM.client().faults()).hasSize(1);
  }

  @Test
  void timeoutFaultHoldsTheCallPastTheClientsTimeoutAndStillDelivers() {
    SIM.client().addFaults(FaultRule.timeout(Platform.WHATSAPP, Duration.ofMillis(1500)).times(1));

    assertThatThrownBy(
            () -> SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER), Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(SIM.client().messages(Platform.WHATSAPP, BUYER)).hasSize(1));
  }

  @Test
  void timeoutFaultWithoutDeliveryAnswers504AndDeliversNothing() throws Exception {
    SIM.client()
        .addFaults(
            FaultRule.timeout(Platform.WHATSAPP, Duration.ofMillis(200))
                .withoutDelivery()
                .times(1));

    GraphReply reply = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(reply.status()).isEqualTo(504);
    assertThat(SIM.client().messages(Platform.WHATSAPP)).isEmpty();
  }

  @Test
  void faultWithADurationEndsWhenTheSimulatorsClockPassesIt() throws Exception {
    SIM.client()
        .addFaults(FaultRule.error(Platform.WHATSAPP, 131000).lasting(Duration.ofSeconds(10)));

    GraphReply during = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));
    SIM.clock().advance(Duration.ofSeconds(10));
    GraphReply after = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(during.status()).isEqualTo(500);
    assertThat(after.status()).isEqualTo(200);
  }

  @Test
  void clearingFaultsLetsCallsThroughAgain() throws Exception {
    SIM.client().addFaults(FaultRule.error(Platform.WHATSAPP, 131000));
    GraphReply faulted = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    SIM.client().clearFaults();
    GraphReply cleared = SIM.graph().post(WA_MESSAGES, WA_TOKEN, template(BUYER));

    assertThat(faulted.errorCode()).isEqualTo(131000);
    assertThat(cleared.status()).isEqualTo(200);
  }

  @Test
  void faultsForOnePlatformLeaveTheOtherAlone() throws Exception {
    SIM.client().addFaults(FaultRule.error(Platform.WHATSAPP, 131000));

    GraphReply reply = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("42", "Hi"));

    assertThat(reply.status()).isEqualTo(200);
  }
}
