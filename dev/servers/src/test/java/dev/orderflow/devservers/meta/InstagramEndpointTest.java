package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphCalls.IG_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.IG_TOKEN;
import static dev.orderflow.devservers.meta.GraphCalls.PAGE_MESSAGES;
import static dev.orderflow.devservers.meta.GraphCalls.instagram;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.devservers.meta.GraphCalls.GraphReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstagramEndpointTest {

  @RegisterExtension static final SimulatorExtension SIM = new SimulatorExtension();

  private static final String IGSID = "6654321987654321";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {IG_MESSAGES, PAGE_MESSAGES})
  void messageOnEitherPathStyleReturnsRecipientAndMid(String path) throws Exception {
    GraphReply reply = SIM.graph().post(path, IG_TOKEN, instagram(IGSID, "Your order shipped"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("recipient_id").asText()).isEqualTo(IGSID);
    assertThat(reply.body().path("message_id").asText()).startsWith("mid.");
  }

  @Test
  void sendingToMeIsRefusedWith100Subcode33() throws Exception {
    GraphReply reply = SIM.graph().post("/v23.0/me/messages", IG_TOKEN, instagram(IGSID, "Hi"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(100);
    assertThat(reply.errorSubcode()).isEqualTo(33);
    assertThat(reply.body().at("/error/type").asText()).isEqualTo("GraphMethodException");
    assertThat(SIM.client().messages(Platform.INSTAGRAM)).isEmpty();
  }

  @Test
  void textOver1000BytesIsRefusedWith100EvenUnder1000Characters() throws Exception {
    String naira999Bytes = "₦".repeat(333);

    GraphReply fits = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram(IGSID, naira999Bytes));
    GraphReply tooLong =
        SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram(IGSID, naira999Bytes + "₦"));

    assertThat(fits.status()).isEqualTo(200);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.errorCode()).isEqualTo(100);
  }

  @Test
  void messageWithoutRecipientIsRefusedWith100() throws Exception {
    GraphReply reply = SIM.graph().post(IG_MESSAGES, IG_TOKEN, "{\"message\":{\"text\":\"Hi\"}}");

    assertThat(reply.errorCode()).isEqualTo(100);
  }

  @Test
  void recipientWhoseWindowWasClosedGetsCode10Subcode2534022() throws Exception {
    SIM.client().closeWindow(Platform.INSTAGRAM, IGSID);

    GraphReply closed = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram(IGSID, "Hi"));
    SIM.client().openWindow(Platform.INSTAGRAM, IGSID);
    GraphReply reopened = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram(IGSID, "Hi"));

    assertThat(closed.status()).isEqualTo(403);
    assertThat(closed.errorCode()).isEqualTo(10);
    assertThat(closed.errorSubcode()).isEqualTo(2534022);
    assertThat(reopened.status()).isEqualTo(200);
  }

  @Test
  void withWindowsClosedByDefaultOnlyRecipientsWithAnOpenedWindowCanBeMessaged() throws Exception {
    SIM.client().update(Platform.INSTAGRAM, settings -> settings.withWindowsOpenByDefault(false));
    SIM.client().openWindow(Platform.INSTAGRAM, "1111");

    GraphReply opened = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("1111", "Hi"));
    GraphReply other = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("2222", "Hi"));

    assertThat(opened.status()).isEqualTo(200);
    assertThat(other.errorCode()).isEqualTo(10);
    assertThat(other.errorSubcode()).isEqualTo(2534022);
  }

  @Test
  void callsPastTheAccountsPerSecondCapGetCode4WhileOtherAccountsGoOn() throws Exception {
    SIM.client().update(Platform.INSTAGRAM, settings -> settings.withRatePerSecond(2));
    SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("1", "Hi"));
    SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("2", "Hi"));

    GraphReply capped = SIM.graph().post(IG_MESSAGES, IG_TOKEN, instagram("3", "Hi"));
    GraphReply page = SIM.graph().post(PAGE_MESSAGES, IG_TOKEN, instagram("3", "Hi"));

    assertThat(capped.status()).isEqualTo(429);
    assertThat(capped.errorCode()).isEqualTo(4);
    assertThat(page.status()).isEqualTo(200);
  }
}
