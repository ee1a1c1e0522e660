package dev.orderflow.devservers.meta;

import java.util.Objects;

/**
 * Body of {@code POST /_sim/windows}: opens (as if the user had just written) or closes a
 * recipient's messaging window.
 *
 * @param durationSeconds how long an opened window lasts; 24 hours when absent
 */
public record WindowChange(
    Platform platform, String recipient, Boolean open, Long durationSeconds) {

  public WindowChange {
    Objects.requireNonNull(platform, "platform is required (whatsapp or instagram)");
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("recipient is required");
    }
    Objects.requireNonNull(open, "open is required (true or false)");
    if (durationSeconds != null && durationSeconds < 1) {
      throw new IllegalArgumentException("durationSeconds must be at least 1");
    }
  }
}
