package dev.orderflow.sender.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sender.ledger.Claim;
import dev.orderflow.sender.ledger.DynamoDeliveryLedger;
import dev.orderflow.sender.ledger.LedgerConfig;
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
    assertThat(ledger.sent("o-1:whatsapp", "wamid.A", now)).isTrue();

    assertThat(ledger.claim("o-1:whatsapp", "run-b", now.plusSeconds(1)))
        .isEqualTo(new Claim.AlreadySent("wamid.A"));
    assertThat(ledger.sent("o-1:whatsapp", "wamid.B", now)).isFalse();
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
    ledger.sent("o-4:whatsapp", "wamid.C", now);

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

  private Map<String, AttributeValue> item(String id) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Map.of("notificationId", AttributeValue.fromS(id))))
        .item();
  }
}
