package dev.orderflow.devservers.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Customer-service windows per recipient. A recipient nobody opened or closed a window for follows
 * the platform's {@code windowsOpenByDefault}; an explicit open or close always wins over it.
 */
final class MessagingWindows {

  static final Duration STANDARD = Duration.ofHours(24);

  private final Map<String, Instant> openUntil = new ConcurrentHashMap<>();

  void open(Platform platform, String recipient, Duration length, Instant now) {
    openUntil.put(key(platform, recipient), now.plus(length));
  }

  void close(Platform platform, String recipient) {
    openUntil.put(key(platform, recipient), Instant.MIN);
  }

  boolean isOpen(Platform platform, String recipient, boolean openByDefault, Instant now) {
    Instant until = openUntil.get(key(platform, recipient));
    return until == null ? openByDefault : now.isBefore(until);
  }

  void clear() {
    openUntil.clear();
  }

  private static String key(Platform platform, String recipient) {
    return platform.wireName() + '/' + OutgoingMessage.recipientKey(recipient);
  }
}
