package dev.orderflow.devservers.meta;

import java.util.Map;

/**
 * Counts since start or the last reset.
 *
 * @param accepted accepted messages per platform
 * @param duplicates accepted messages whose platform, recipient and content had been accepted
 *     before (what a sender's idempotency should keep at 0)
 * @param rejectedByCode refused Graph calls per error code, or per {@code http<status>} when the
 *     answer carried no Graph error
 */
public record SimulatorStats(
    Map<String, Long> accepted, Map<String, Long> duplicates, Map<String, Long> rejectedByCode) {

  public long accepted(Platform platform) {
    return accepted.getOrDefault(platform.wireName(), 0L);
  }

  public long duplicates(Platform platform) {
    return duplicates.getOrDefault(platform.wireName(), 0L);
  }

  public long rejected(int code) {
    return rejectedByCode.getOrDefault(String.valueOf(code), 0L);
  }
}
