package dev.orderflow.instagram;

import static dev.orderflow.sender.fakes.SendOutcomes.assertFailed;
import static dev.orderflow.sender.fakes.SendOutcomes.sentId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.SimulatorSettings;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.fakes.EmbeddedSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Instagram client on both host styles against the real Meta Graph API simulator. */
class InstagramClientIT {
  private static final String TOKEN = SimulatorSettings.DEFAULT_INSTAGRAM_TOKEN;
  private static final String IG_ID = SimulatorSettings.DEFAULT_INSTAGRAM_ID;
  private static final String PAGE_ID = SimulatorSettings.DEFAULT_PAGE_ID;
  private static final Credentials INSTAGRAM_LOGIN = new Credentials(TOKEN, IG_ID);
  private static final Credentials FACEBOOK_PAGE = new Credentials(TOKEN, PAGE_ID);

  @RegisterExtension static final EmbeddedSimulator META = new EmbeddedSimulator();
  private MessagingClient client;

  @BeforeEach
  void freshClient() {
    client = clientFor(InstagramHostStyle.INSTAGRAM_LOGIN);
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aTextIsDeliveredThroughTheInstagramAccountOnTheInstagramLoginStyle() {
    SendOutcome outcome = client.send(toBuyer("igsid-1").build(), INSTAGRAM_LOGIN);

    String mid = sentId(outcome);
    assertThat(META.control().messages(Platform.INSTAGRAM, "igsid-1"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(mid);
              assertThat(message.account()).isEqualTo(IG_ID);
              assertThat(message.text())
                  .isEqualTo("Your order ORD-2002 (₦45,000) don land. Thank you!");
            });
  }

  @Test
  void aTextIsDeliveredThroughThePageOnTheFacebookPageStyle() {
    client.close();
    client = clientFor(InstagramHostStyle.FACEBOOK_PAGE);

    SendOutcome outcome = client.send(toBuyer("igsid-2").build(), FACEBOOK_PAGE);

    String mid = sentId(outcome);
    assertThat(META.control().messages(Platform.INSTAGRAM, "igsid-2"))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id()).isEqualTo(mid);
              assertThat(message.account()).isEqualTo(PAGE_ID);
            });
  }

  @Test
  void aTextToABuyerWhoseWindowClosedFailsPermanentlyWith10Slash2534022() {
    META.control().closeWindow(Platform.INSTAGRAM, "igsid-3");

    SendOutcome outcome = client.send(toBuyer("igsid-3").build(), INSTAGRAM_LOGIN);

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().code()).isEqualTo(10);
          assertThat(failed.error().subcode()).isEqualTo(2534022);
          assertThat(failed.error().fbtraceId()).isNotBlank();
        });
    assertThat(META.control().messages(Platform.INSTAGRAM, "igsid-3")).isEmpty();
  }

  @Test
  void callsPastTheAccountsRateAreThrottledWithCode4() {
    META.control().update(Platform.INSTAGRAM, settings -> settings.withRatePerSecond(1));

    SendOutcome first = client.send(toBuyer("igsid-4").build(), INSTAGRAM_LOGIN);
    SendOutcome second = client.send(toBuyer("igsid-5").build(), INSTAGRAM_LOGIN);

    assertThat(first).isInstanceOf(SendOutcome.Sent.class);
    assertFailed(
        second,
        ErrorClass.BACKOFF,
        failed -> {
          assertThat(failed.error().code()).isEqualTo(4);
          assertThat(failed.error().httpStatus()).isEqualTo(429);
        });
  }

  @Test
  void aWrongTokenIsRejectedWith190AndAsksForARefresh() {
    SendOutcome outcome =
        client.send(toBuyer("igsid-6").build(), new Credentials("IGQ-revoked", IG_ID));

    assertFailed(
        outcome, ErrorClass.REFRESH, failed -> assertThat(failed.error().code()).isEqualTo(190));
    assertThat(META.control().messages(Platform.INSTAGRAM)).isEmpty();
  }

  @Test
  void aTextOverOneThousandBytesNeverReachesMeta() {
    SendOutcome outcome =
        client.send(toBuyer("igsid-7").setText("₦".repeat(334)).build(), INSTAGRAM_LOGIN);

    assertFailed(
        outcome, ErrorClass.PERMANENT, failed -> assertThat(failed.error().code()).isNull());
    assertThat(META.control().stats().rejectedByCode()).isEmpty();
    assertThat(META.control().messages(Platform.INSTAGRAM)).isEmpty();
  }

  @Test
  void theProbeAcceptsATokenWhoseOwnerIsTheConfiguredInstagramAccount() {
    assertThat(client.probe(INSTAGRAM_LOGIN)).isEqualTo(new SendOutcome.Sent(IG_ID));
  }

  @Test
  void theFacebookStyleProbeAcceptsOnlyTheTokenOfThePage() {
    // Given a token that resolves to the Instagram account, not the Page
    client.close();
    client = clientFor(InstagramHostStyle.FACEBOOK_PAGE);
    assertFailed(
        client.probe(FACEBOOK_PAGE),
        ErrorClass.PERMANENT_CONFIG,
        failed -> assertThat(failed.error().message()).contains(IG_ID));

    // When the token is the Page's own (GET /me resolves to the Page)
    META.control()
        .update(Platform.INSTAGRAM, settings -> settings.withAccountIds(List.of(PAGE_ID, IG_ID)));

    // Then
    assertThat(client.probe(FACEBOOK_PAGE)).isEqualTo(new SendOutcome.Sent(PAGE_ID));
  }

  @Test
  void aProbeWithAWrongTokenAsksForARefresh() {
    assertFailed(
        client.probe(new Credentials("IGQ-wrong", IG_ID)),
        ErrorClass.REFRESH,
        failed -> assertThat(failed.error().code()).isEqualTo(190));
  }

  private static NotificationRequested.Builder toBuyer(String igsid) {
    return Notifications.notification().setRecipient(igsid);
  }

  private static MessagingClient clientFor(InstagramHostStyle style) {
    return new InstagramPlatform(style).client(META.clientConfig(Duration.ofSeconds(5)));
  }
}
