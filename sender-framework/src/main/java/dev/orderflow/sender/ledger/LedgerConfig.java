package dev.orderflow.sender.ledger;

import java.time.Duration;

/**
 * The ledger table, how long a SENDING lease lasts (longer than one send call, timeouts included)
 * and how long entries are kept ({@code expiresAt}, the table's TTL attribute).
 */
public record LedgerConfig(String table, Duration lease, Duration retention) {

  public LedgerConfig {
    if (table == null || !table.matches("[A-Za-z0-9_.-]{3,255}")) {
      throw new IllegalArgumentException(
          "ledger.table: expected a DynamoDB table name, got " + table);
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ledger.lease: expected >= 1s, got " + lease);
    }
    if (retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("ledger.retention: expected >= 1d, got " + retention);
    }
  }
}
