package dev.orderflow.webhooks.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.webhooks.http.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private final ReceiverFixture fixture = new ReceiverFixture();

  @Test
  void theRightVerifyTokenGetsTheChallengeEchoed() {
    Answer answer =
        fixture.receiver.handshake(
            Map.of(
                "hub.mode", "subscribe",
                "hub.verify_token", ReceiverFixture.VERIFY_TOKEN,
                "hub.challenge", "1158201444"));

    assertThat(answer).isEqualTo(Answer.ok("1158201444"));
    assertThat(fixture.count("webhooks.handshakes", "outcome", "accepted")).isEqualTo(1);
  }

  @Test
  void aWrongTokenAnotherModeOrAnOddChallengeIs403() {
    Answer wrongToken =
        fixture.receiver.handshake(
            Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1"));
    Answer noToken =
        fixture.receiver.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "1"));
    Answer otherMode =
        fixture.receiver.handshake(
            Map.of(
                "hub.mode", "unsubscribe",
                "hub.verify_token", ReceiverFixture.VERIFY_TOKEN,
                "hub.challenge", "1"));
    Answer scriptChallenge =
        fixture.receiver.handshake(
            Map.of(
                "hub.mode", "subscribe",
                "hub.verify_token", ReceiverFixture.VERIFY_TOKEN,
                "hub.challenge", "<script>"));

    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(otherMode.status()).isEqualTo(403);
    assertThat(scriptChallenge.status()).isEqualTo(403);
    assertThat(fixture.count("webhooks.handshakes", "outcome", "refused")).isEqualTo(4);
  }
}
