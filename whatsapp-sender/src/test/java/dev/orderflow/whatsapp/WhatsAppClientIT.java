package dev.orderflow.whatsapp;

import static dev.orderflow.sender.fakes.SendOutcomes.assertFailed;
import static dev.orderflow.sender.fakes.SendOutcomes.sentId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.devservers.meta.FaultRule;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.fakes.EmbeddedSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The WhatsApp client against the real Meta Graph API simulator over HTTP. */
class WhatsAppClientIT {
  private static final String PHONE_NUMBER_ID = SimulatorSettings.DEFAULT_PHONE_NUMBER_ID;
  private static final Credentials CREDENTIALS =
      new Credentials(SimulatorSettings.DEFAULT_WHATSAPP_TOKEN, PHONE_NUMBER_ID);
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final EmbeddedSimulator META = new EmbeddedSimulator();
  private MessagingClient client;

  @BeforeEach
  void freshClient() {
    client = clientWithCallTimeout(Duration.ofSeconds(5));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aTemplateIsDeliveredWithItsExactParametersInOrder() throws Exception {
    // When
    SendOutcome outcome = client.send(toBuyer("+2348030000001").build(), CREDENTIALS);

    // Then
    String wamid = sentId(outcome);
    assertThat(META.control().messages(Platform.WHATSAPP, "2348030000001"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(wamid);
              assertThat(message.account()).isEqualTo(PHONE_NUMBER_ID);
              assertThat(message.type()).isEqualTo("template");
              assertThat(message.templateName()).isEqualTo("order_confirmed");
              assertThat(message.language()).isEqualTo("en");
              assertThat(message.parameters())
                  .containsExactly(
                      JSON.readTree("{\"type\":\"text\",\"text\":\"Ada\"}"),
                      JSON.readTree("{\"type\":\"text\",\"text\":\"ORD-1001\"}"),
                      JSON.readTree(
                          """
                          {"type":"currency","currency":{"fallback_value":"₦1,380,000",
                           "code":"NGN","amount_1000":1380000000}}
                          """));
            });
  }

  @Test
  void freeTextIsDeliveredAsTextWhileTheBuyersWindowIsOpen() {
    // Given
    META.control().openWindow(Platform.WHATSAPP, "+2348030000002");

    // When
    SendOutcome outcome =
        client.send(toBuyer("+2348030000002").setInsideServiceWindow(true).build(), CREDENTIALS);

    // Then
    String wamid = sentId(outcome);
    assertThat(META.control().messages(Platform.WHATSAPP, "2348030000002"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(wamid);
              assertThat(message.type()).isEqualTo("text");
              assertThat(message.text())
                  .isEqualTo("Hi Ada, your order ORD-1001 (₦1,380,000) is confirmed.");
            });
  }

  @Test
  void freeTextOutsideTheWindowWithoutATemplateFailsPermanentlyWith131047() {
    SendOutcome outcome =
        client.send(
            toBuyer("+2348030000003").setInsideServiceWindow(true).setTemplate(null).build(),
            CREDENTIALS);

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().code()).isEqualTo(131047);
          assertThat(failed.error().httpStatus()).isEqualTo(400);
          assertThat(failed.error().fbtraceId()).isNotBlank();
        });
    assertThat(META.control().messages(Platform.WHATSAPP, "2348030000003")).isEmpty();
  }

  @Test
  void freeTextRefusedForAClosedWindowIsDeliveredAsItsTemplateInstead() {
    SendOutcome outcome =
        client.send(toBuyer("+2348030000004").setInsideServiceWindow(true).build(), CREDENTIALS);

    String wamid = sentId(outcome);
    assertThat(META.control().messages(Platform.WHATSAPP, "2348030000004"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(wamid);
              assertThat(message.type()).isEqualTo("template");
            });
    assertThat(META.control().stats().rejected(131047)).isEqualTo(1);
  }

  @Test
  void sendsPastTheNumbersThroughputAreThrottledWith130429() {
    // Given one message per second for the number, and no pair limit in the way
    META.control().update(settings -> settings.withPairIntervalMs(0));
    META.control().update(Platform.WHATSAPP, settings -> settings.withRatePerSecond(1));

    // When
    SendOutcome first = client.send(toBuyer("+2348030000005").build(), CREDENTIALS);
    SendOutcome second = client.send(toBuyer("+2348030000006").build(), CREDENTIALS);

    // Then
    assertThat(first).isInstanceOf(SendOutcome.Sent.class);
    assertFailed(
        second,
        ErrorClass.BACKOFF,
        failed -> {
          assertThat(failed.error().code()).isEqualTo(130429);
          assertThat(failed.error().httpStatus()).isEqualTo(429);
        });
  }

  @Test
  void aSecondMessageToTheSameBuyerTooSoonIsThrottledByThePairLimit() {
    client.send(toBuyer("+2348030000007").build(), CREDENTIALS);

    SendOutcome again = client.send(toBuyer("+2348030000007").build(), CREDENTIALS);

    assertFailed(
        again, ErrorClass.BACKOFF, failed -> assertThat(failed.error().code()).isEqualTo(131056));
  }

  @Test
  void aWrongTokenIsRejectedWith190AndAsksForARefresh() {
    var stale = new Credentials("EAAG-rotated-away", PHONE_NUMBER_ID);

    SendOutcome outcome = client.send(toBuyer("+2348030000008").build(), stale);

    assertFailed(
        outcome,
        ErrorClass.REFRESH,
        failed -> {
          assertThat(failed.error().code()).isEqualTo(190);
          assertThat(failed.error().httpStatus()).isEqualTo(401);
        });
    assertThat(META.control().messages(Platform.WHATSAPP)).isEmpty();
  }

  @Test
  void theProbeSucceedsWithTheRightTokenAndAsksForARefreshWithAWrongOne() {
    assertThat(client.probe(CREDENTIALS)).isEqualTo(new SendOutcome.Sent(PHONE_NUMBER_ID));

    SendOutcome wrong = client.probe(new Credentials("EAAG-wrong", PHONE_NUMBER_ID));

    assertFailed(
        wrong, ErrorClass.REFRESH, failed -> assertThat(failed.error().code()).isEqualTo(190));
  }

  @Test
  void aProxyErrorPageIsRetriedByItsHttpStatus() {
    META.control().addFaults(FaultRule.http5xx(Platform.WHATSAPP, 502).times(1));

    SendOutcome outcome = client.send(toBuyer("+2348030000009").build(), CREDENTIALS);

    assertFailed(
        outcome,
        ErrorClass.RETRY,
        failed -> {
          assertThat(failed.error().httpStatus()).isEqualTo(502);
          assertThat(failed.error().code()).isNull();
        });
  }

  @Test
  void aTimedOutCallIsARetryEvenThoughMetaMayStillDeliverIt() {
    // Given Meta holds the call past our timeout, then sends it anyway
    client.close();
    client = clientWithCallTimeout(Duration.ofMillis(400));
    META.control()
        .addFaults(FaultRule.timeout(Platform.WHATSAPP, Duration.ofMillis(1_500)).times(1));

    // When
    SendOutcome outcome = client.send(toBuyer("+2348030000010").build(), CREDENTIALS);

    // Then: the window the ledger documents, where a retry may duplicate the message
    assertFailed(
        outcome, ErrorClass.RETRY, failed -> assertThat(failed.error().httpStatus()).isZero());
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(META.control().messages(Platform.WHATSAPP, "2348030000010")).hasSize(1));
  }

  private static NotificationRequested.Builder toBuyer(String phone) {
    return Notifications.notification().setRecipient(phone);
  }

  private static MessagingClient clientWithCallTimeout(Duration callTimeout) {
    return new WhatsAppPlatform().client(META.clientConfig(callTimeout));
  }
}
