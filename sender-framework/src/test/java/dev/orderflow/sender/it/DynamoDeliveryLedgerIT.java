package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.schema.DeliveryState;
import dev.orderflow.sender.ledger.Claim;
import dev.orderflow.sender.ledger.DynamoDeliveryLedger;
import dev.orderflow.sender.ledger.LedgerConfig;
import dev.orderflow.sender.ledger.RecordCoordinates;
import dev.orderflow.sender.ledger.StatusResult;
import dev.orderflow.sender.ledger.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ledger's conditional writes against real dynalite. */
class DynamoDeliveryLedgerIT {
  private static final RecordCoordinates SOURCE =
      new RecordCoordinates("notify.whatsapp.v1", 2, 41);
  private static DynamoDbClient dynamo;
  private static String table;
  private static DynamoDeliveryLedger ledger;
  private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

  @BeforeAll
  static void createTable() {
    dynamo = LocalAws.dynamo();
    table = LocalAws.createLedgerTable(dynamo);
    ledger =
        new DynamoDeliveryLedger(
            dynamo, new LedgerConfig(table, Duration.ofSeconds(60), Duration.ofDays(30)));
  }

  @AfterAll
  static void dropTable() {
    dynamo.deleteTable(r -> r.tableName(table));
    dynamo.close();
  }

  @Test
  void aFirstClaimIsGrantedAndASentNotificationIsNeverGrantedAgain() {
    assertThat(ledger.claim("o-1:whatsapp", "run-a", now)).isEqualTo(new Claim.Granted(false));
    assertThat(ledger.sent("o-1:whatsapp", "wamid.A", SOURCE, now)).isTrue();

    assertThat(ledger.claim("o-1:whatsapp", "run-b", now.plusSeconds(1)))
        .isEqualTo(new Claim.AlreadySent("wamid.A"));
    assertThat(ledger.sent("o-1:whatsapp", "wamid.B", SOURCE, now)).isFalse();
    Map<String, AttributeValue> item = item("o-1:whatsapp");
    assertThat(item.get("state").s()).isEqualTo("SENT");
    assertThat(item.get("platformMessageId").s()).isEqualTo("wamid.A");
    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(now.plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void aLiveLeaseIsHeldAgainstOthersButRenewableByItsOwner() {
    ledger.claim("o-2:whatsapp", "run-a", now);

    assertThat(ledger.claim("o-2:whatsapp", "run-b", now.plusSeconds(5)))
        .isEqualTo(new Claim.HeldElsewhere(now.plusSeconds(60)));
    assertThat(ledger.claim("o-2:whatsapp", "run-a", now.plusSeconds(5)))
        .isEqualTo(new Claim.Granted(false));
    assertThat(item("o-2:whatsapp").get("attempts").n()).isEqualTo("2");
  }

  @Test
  void anExpiredLeaseIsTakenOverAndReportedAsATakeover() {
    ledger.claim("o-3:whatsapp", "run-a", now);

    assertThat(ledger.claim("o-3:whatsapp", "run-b", now.plusSeconds(61)))
        .isEqualTo(new Claim.Granted(true));
  }

  @Test
  void retryingAndFailedEntriesCanBeClaimedAgainButNeverOverwriteSent() {
    ledger.claim("o-4:whatsapp", "run-a", now);
    assertThat(ledger.retrying("o-4:whatsapp", "run-a", "RETRY code=131000", now)).isTrue();
    assertThat(ledger.claim("o-4:whatsapp", "run-b", now)).isEqualTo(new Claim.Granted(false));
    assertThat(ledger.failed("o-4:whatsapp", "run-b", "PERMANENT code=131026", now)).isTrue();
    assertThat(ledger.claim("o-4:whatsapp", "run-c", now)).isEqualTo(new Claim.Granted(false));
    ledger.sent("o-4:whatsapp", "wamid.C", SOURCE, now);

    assertThat(ledger.failed("o-4:whatsapp", "run-c", "late", now)).isFalse();

    assertThat(item("o-4:whatsapp").get("state").s()).isEqualTo("SENT");
  }

  @Test
  void aRunWhoseLeaseWasTakenOverCanNeitherRenewNorReleaseNorSettleIt() {
    // Given run-a's lease expired and run-b took it over
    ledger.claim("o-5:whatsapp", "run-a", now);
    assertThat(ledger.claim("o-5:whatsapp", "run-b", now.plusSeconds(61)))
        .isEqualTo(new Claim.Granted(true));

    // When run-a comes back
    boolean renewed = ledger.renew("o-5:whatsapp", "run-a", now.plusSeconds(62));
    boolean released = ledger.retrying("o-5:whatsapp", "run-a", "abandoned", now.plusSeconds(62));
    boolean settled = ledger.failed("o-5:whatsapp", "run-a", "PERMANENT", now.plusSeconds(62));

    // Then nothing of run-b's lease moved, and run-b can still renew it
    assertThat(renewed).isFalse();
    assertThat(released).isFalse();
    assertThat(settled).isFalse();
    assertThat(item("o-5:whatsapp").get("state").s()).isEqualTo("SENDING");
    assertThat(item("o-5:whatsapp").get("owner").s()).isEqualTo("run-b");
    assertThat(ledger.renew("o-5:whatsapp", "run-b", now.plusSeconds(70))).isTrue();
    assertThat(item("o-5:whatsapp").get("leaseUntil").n())
        .isEqualTo(Long.toString(now.plusSeconds(130).toEpochMilli()));
  }

  @Test
  void statusesApplyMonotonicallyAndRepeatsOrOlderOnesChangeNothing() {
    ledger.claim("o-s1:whatsapp", "run-a", now);
    ledger.sent("o-s1:whatsapp", "wamid.S1", SOURCE, now);

    assertThat(
            ledger.applyStatus("o-s1:whatsapp", status("wamid.S1", DeliveryState.DELIVERED), now))
        .isEqualTo(new StatusResult.Applied(now));
    assertThat(ledger.applyStatus("o-s1:whatsapp", status("wamid.S1", DeliveryState.SENT), now))
        .isEqualTo(new StatusResult.Stale());
    assertThat(ledger.applyStatus("o-s1:whatsapp", status("wamid.S1", DeliveryState.READ), now))
        .isEqualTo(new StatusResult.Applied(now));
    assertThat(ledger.applyStatus("o-s1:whatsapp", status("wamid.S1", DeliveryState.READ), now))
        .isEqualTo(new StatusResult.Stale());
    Map<String, AttributeValue> item = item("o-s1:whatsapp");
    assertThat(item.get("deliveryStatus").s()).isEqualTo("READ");
    assertThat(item.get("state").s()).isEqualTo("SENT");
  }

  @Test
  void aStatusForANotificationWhoseAnswerWasLostMakesItSentWithTheMessageId() {
    ledger.claim("o-s2:whatsapp", "run-a", now);
    ledger.retrying("o-s2:whatsapp", "run-a", "RETRY no answer", now);

    assertThat(ledger.applyStatus("o-s2:whatsapp", status("wamid.S2", DeliveryState.SENT), now))
        .isEqualTo(new StatusResult.ConfirmedSent());

    assertThat(ledger.claim("o-s2:whatsapp", "run-b", now.plusSeconds(30)))
        .isEqualTo(new Claim.AlreadySent("wamid.S2"));
  }

  @Test
  void theFirstFailedStatusFailsTheEntryAndNamesTheRecordSentFrom() {
    ledger.claim("o-s3:whatsapp", "run-a", now);
    ledger.sent("o-s3:whatsapp", "wamid.S3", SOURCE, now);
    StatusUpdate failed =
        new StatusUpdate("wamid.S3", DeliveryState.FAILED, now, "131026 Message undeliverable");

    assertThat(ledger.applyStatus("o-s3:whatsapp", failed, now))
        .isEqualTo(new StatusResult.Failed(SOURCE));
    assertThat(ledger.applyStatus("o-s3:whatsapp", failed, now))
        .isEqualTo(new StatusResult.Stale());
    assertThat(item("o-s3:whatsapp").get("deliveryError").s())
        .isEqualTo("131026 Message undeliverable");
    assertThat(ledger.claim("o-s3:whatsapp", "replay", now.plusSeconds(60)))
        .isEqualTo(new Claim.Granted(false));
  }

  @Test
  void aSentStatusArrivingAfterTheFailedOneLeavesTheEntryFailed() {
    ledger.claim("o-s4:whatsapp", "run-a", now);
    ledger.sent("o-s4:whatsapp", "wamid.S4", SOURCE, now);
    ledger.applyStatus(
        "o-s4:whatsapp",
        new StatusUpdate("wamid.S4", DeliveryState.FAILED, now, "131026 Message undeliverable"),
        now);

    assertThat(ledger.applyStatus("o-s4:whatsapp", status("wamid.S4", DeliveryState.SENT), now))
        .isNotEqualTo(new StatusResult.ConfirmedSent());
    assertThat(item("o-s4:whatsapp").get("state").s()).isEqualTo("FAILED");
    assertThat(ledger.claim("o-s4:whatsapp", "replay", now.plusSeconds(60)))
        .isEqualTo(new Claim.Granted(false));
  }

  @Test
  void aStatusForNoEntryIsUnknownAndCreatesNone() {
    assertThat(ledger.applyStatus("o-none:whatsapp", status("wamid.X", DeliveryState.READ), now))
        .isEqualTo(new StatusResult.Unknown());
    assertThat(item("o-none:whatsapp")).isEmpty();
  }

  @Test
  void aMessageIdIndexedForANotificationIsReadBack() {
    ledger.indexMessage("mid.IG1", "o-s4:instagram", now);

    assertThat(ledger.notificationOf("mid.IG1")).contains("o-s4:instagram");
    assertThat(ledger.notificationOf("mid.unknown")).isEmpty();
  }

  private StatusUpdate status(String messageId, DeliveryState state) {
    return new StatusUpdate(messageId, state, now, null);
  }

  private Map<String, AttributeValue> item(String id) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Map.of("notificationId", AttributeValue.fromS(id))))
        .item();
  }
}
