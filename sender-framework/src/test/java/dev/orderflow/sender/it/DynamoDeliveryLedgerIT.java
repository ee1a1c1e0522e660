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
    ledger.retrying("o-4:whatsapp", "RETRY code=131000", now);
    assertThat(ledger.claim("o-4:whatsapp", "run-b", now)).isEqualTo(new Claim.Granted(false));
    ledger.failed("o-4:whatsapp", "PERMANENT code=131026", now);
    assertThat(ledger.claim("o-4:whatsapp", "run-c", now)).isEqualTo(new Claim.Granted(false));
    ledger.sent("o-4:whatsapp", "wamid.C", now);

    ledger.failed("o-4:whatsapp", "late", now);

    assertThat(item("o-4:whatsapp").get("state").s()).isEqualTo("SENT");
  }

  private Map<String, AttributeValue> item(String id) {
    return dynamo
        .getItem(r -> r.tableName(table).key(Map.of("notificationId", AttributeValue.fromS(id))))
        .item();
  }
}
