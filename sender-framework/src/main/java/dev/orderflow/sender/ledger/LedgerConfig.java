package dev.orderflow.sender.ledger;

import dev.orderflow.common.config.ConfigException;
import java.time.Duration;

/**
 * The ledger table, how long a SENDING lease lasts (longer than one send call, timeouts included)
 * and how long entries are kept ({@code expiresAt}, the table's TTL attribute).
 */
public record LedgerConfig(String table, Duration lease, Duration retention) {

  public LedgerConfig {
    if (table == null || !table.matches("[A-Za-z0-9_.-]{3,255}")) {
      throw new ConfigException("ledger.table", "a DynamoDB table name", table);
    }
    if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ConfigException("ledger.lease", ">= 1s", String.valueOf(lease));
    }
    if (retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new ConfigException("ledger.retention", ">= 1d", String.valueOf(retention));
    }
  }

  public static LedgerConfig defaults() {
    return new LedgerConfig("notification-ledger", Duration.ofSeconds(60), Duration.ofDays(30));
  }
}
