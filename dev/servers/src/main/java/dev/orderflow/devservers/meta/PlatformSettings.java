package dev.orderflow.devservers.meta;

import java.util.List;

/**
 * What one platform's simulated accounts accept and how they behave.
 *
 * @param token the only access token accepted; any other gets error 190
 * @param accountIds WhatsApp phone-number ids, or the Instagram account id and page id; for
 *     Instagram the first one is what {@code GET /me} resolves to
 * @param latencyMs fixed latency added to every Graph call
 * @param jitterMs extra latency drawn uniformly from 0 to this value
 * @param ratePerSecond messages (WhatsApp) or calls (Instagram) per second per account
 * @param windowsOpenByDefault whether a recipient nobody opened or closed a window for counts as
 *     inside the messaging window
 */
public record PlatformSettings(
    String token,
    List<String> accountIds,
    long latencyMs,
    long jitterMs,
    int ratePerSecond,
    boolean windowsOpenByDefault) {

  public PlatformSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must be a non-blank string");
    }
    if (accountIds == null
        || accountIds.isEmpty()
        || accountIds.stream().anyMatch(id -> id == null || id.isBlank() || id.equals("me"))) {
      throw new IllegalArgumentException(
          "accountIds must list at least one non-blank account id other than 'me'");
    }
    accountIds = List.copyOf(accountIds);
    if (latencyMs < 0 || jitterMs < 0) {
      throw new IllegalArgumentException("latencyMs and jitterMs must be 0 or more milliseconds");
    }
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("ratePerSecond must be at least 1, got " + ratePerSecond);
    }
  }

  public boolean owns(String accountId) {
    return accountIds.contains(accountId);
  }

  public PlatformSettings withToken(String newToken) {
    return new PlatformSettings(
        newToken, accountIds, latencyMs, jitterMs, ratePerSecond, windowsOpenByDefault);
  }

  public PlatformSettings withAccountIds(List<String> ids) {
    return new PlatformSettings(
        token, ids, latencyMs, jitterMs, ratePerSecond, windowsOpenByDefault);
  }

  public PlatformSettings withLatency(long fixedMs, long jitter) {
    return new PlatformSettings(
        token, accountIds, fixedMs, jitter, ratePerSecond, windowsOpenByDefault);
  }

  public PlatformSettings withRatePerSecond(int rate) {
    return new PlatformSettings(token, accountIds, latencyMs, jitterMs, rate, windowsOpenByDefault);
  }

  public PlatformSettings withWindowsOpenByDefault(boolean open) {
    return new PlatformSettings(token, accountIds, latencyMs, jitterMs, ratePerSecond, open);
  }

  /** Keeps the token out of logs. */
  @Override
  public String toString() {
    return "PlatformSettings[token=***, accountIds=%s, latencyMs=%d, jitterMs=%d, ratePerSecond=%d, windowsOpenByDefault=%s]"
        .formatted(accountIds, latencyMs, jitterMs, ratePerSecond, windowsOpenByDefault);
  }
}
