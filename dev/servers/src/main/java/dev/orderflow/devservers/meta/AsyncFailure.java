package dev.orderflow.devservers.meta;

import java.util.Objects;

/**
 * A scripted asynchronous failure: the next accepted WhatsApp message(s) to {@code recipient} are
 * reported {@code sent}, then {@code failed} with this error, instead of delivered and read, e.g.
 * {@code {"platform":"whatsapp","recipient":"+2348030000001","code":131026}}. Instagram reports no
 * asynchronous failures, so only WhatsApp is accepted.
 *
 * @param code Meta's error code; 131026 (undeliverable) when absent
 * @param count how many messages it applies to; every one until cleared when absent
 */
public record AsyncFailure(
    Platform platform,
    String recipient,
    Integer code,
    String title,
    String details,
    Integer count) {

  public static final int UNDELIVERABLE = 131026;

  public AsyncFailure {
    Objects.requireNonNull(platform, "platform is required (whatsapp)");
    if (platform != Platform.WHATSAPP) {
      throw new IllegalArgumentException("only whatsapp reports asynchronous failures");
    }
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalArgumentException("recipient is required");
    }
    if (count != null && count < 1) {
      throw new IllegalArgumentException("count must be at least 1 (omit it for no limit)");
    }
    code = code == null ? UNDELIVERABLE : code;
    if (title == null) {
      title = code == UNDELIVERABLE ? "Message undeliverable" : "Simulated failure";
    }
    if (details == null) {
      details = code == UNDELIVERABLE ? "Message Undeliverable." : "Simulated asynchronous failure";
    }
  }

  /** 131026 for every message to this WhatsApp recipient. */
  public static AsyncFailure undeliverable(String recipient) {
    return new AsyncFailure(Platform.WHATSAPP, recipient, UNDELIVERABLE, null, null, null);
  }

  public AsyncFailure times(int n) {
    return new AsyncFailure(platform, recipient, code, title, details, n);
  }
}
