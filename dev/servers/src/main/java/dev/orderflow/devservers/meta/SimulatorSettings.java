package dev.orderflow.devservers.meta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about the simulator's behaviour that can change at run time.
 *
 * @param pairIntervalMs minimum time between two accepted WhatsApp messages from one phone number
 *     to one recipient (Meta's pair rate limit, error 131056); 0 disables the limit
 */
public record SimulatorSettings(
    PlatformSettings whatsapp, PlatformSettings instagram, long pairIntervalMs) {

  public static final String DEFAULT_WHATSAPP_TOKEN = "dev-whatsapp-token";
  public static final String DEFAULT_PHONE_NUMBER_ID = "100000000000001";
  public static final String DEFAULT_INSTAGRAM_TOKEN = "dev-instagram-token";
  public static final String DEFAULT_INSTAGRAM_ID = "17841400000000001";
  public static final String DEFAULT_PAGE_ID = "100000000000002";

  public SimulatorSettings {
    Objects.requireNonNull(whatsapp, "whatsapp settings are required");
    Objects.requireNonNull(instagram, "instagram settings are required");
    if (pairIntervalMs < 0) {
      throw new IllegalArgumentException("pairIntervalMs must be 0 (disabled) or more");
    }
  }

  /** Meta's documented defaults: 80 mps per number, 300 calls/s per account, 1 per 6 s a pair. */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        new PlatformSettings(
            DEFAULT_WHATSAPP_TOKEN, List.of(DEFAULT_PHONE_NUMBER_ID), 0, 0, 80, false),
        new PlatformSettings(
            DEFAULT_INSTAGRAM_TOKEN,
            List.of(DEFAULT_INSTAGRAM_ID, DEFAULT_PAGE_ID),
            0,
            0,
            300,
            true),
        6_000);
  }

  public PlatformSettings of(Platform platform) {
    return platform == Platform.WHATSAPP ? whatsapp : instagram;
  }

  public SimulatorSettings with(Platform platform, PlatformSettings settings) {
    return platform == Platform.WHATSAPP
        ? new SimulatorSettings(settings, instagram, pairIntervalMs)
        : new SimulatorSettings(whatsapp, settings, pairIntervalMs);
  }

  public SimulatorSettings withPairIntervalMs(long intervalMs) {
    return new SimulatorSettings(whatsapp, instagram, intervalMs);
  }

  /** The platform whose accounts include this id. */
  Optional<Platform> owner(String accountId) {
    if (whatsapp.owns(accountId)) {
      return Optional.of(Platform.WHATSAPP);
    }
    return instagram.owns(accountId) ? Optional.of(Platform.INSTAGRAM) : Optional.empty();
  }

  /** The platform this token is the valid token of. */
  Optional<Platform> tokenOwner(String token) {
    if (whatsapp.token().equals(token)) {
      return Optional.of(Platform.WHATSAPP);
    }
    return instagram.token().equals(token) ? Optional.of(Platform.INSTAGRAM) : Optional.empty();
  }
}
