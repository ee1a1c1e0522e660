package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.IG_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.WA_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.devservers.meta.GraphCalls.GraphReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphProbeTest {

  @RegisterExtension static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String PHONE_NUMBER = "/v23.0/" + SimulatorSettings.DEFAULT_PHONE_NUMBER_ID;

  @Test
  void probingThePhoneNumberIdWithItsTokenReturnsTheId() throws Exception {
    GraphReply reply = SIM.graph().get(PHONE_NUMBER, WA_TOKEN);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("id").asText())
        .isEqualTo(SimulatorSettings.DEFAULT_PHONE_NUMBER_ID);
  }

  @Test
  void probingAnAccountWithAnotherPlatformsTokenGets190() throws Exception {
    GraphReply reply = SIM.graph().get(PHONE_NUMBER, IG_TOKEN);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo(190);
  }

  @Test
  void probingMeWithTheInstagramTokenReturnsTheInstagramAccount() throws Exception {
    GraphReply reply = SIM.graph().get("/v23.0/me", IG_TOKEN);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("id").asText()).isEqualTo(SimulatorSettings.DEFAULT_INSTAGRAM_ID);
  }

  @Test
  void probingTheInstagramAccountWithAnUnknownTokenGets190() throws Exception {
    GraphReply reply =
        SIM.graph().get("/v23.0/" + SimulatorSettings.DEFAULT_INSTAGRAM_ID, "expired-token");

    assertThat(reply.errorCode()).isEqualTo(190);
  }

  @Test
  void sendingFromAnUnknownAccountIdGets100Subcode33() throws Exception {
    GraphReply reply =
        SIM.graph().post("/v23.0/999999999/messages", WA_TOKEN, template("2348012345678"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(100);
    assertThat(reply.errorSubcode()).isEqualTo(33);
  }

  @Test
  void aPathWithoutAVersionSegmentGets2500() throws Exception {
    GraphReply reply =
        SIM.graph()
            .post(
                "/" + SimulatorSettings.DEFAULT_PHONE_NUMBER_ID + "/messages",
                WA_TOKEN,
                template("2348012345678"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(2500);
  }
}
