package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How the simulator calls the webhook URL for each accepted message, as Meta does: signed with the
 * app secret, first {@code sent}, then {@code delivered}, then {@code read} (WhatsApp), or the
 * message's echo then {@code read} (Instagram), each after its delay from acceptance.
 *
 * @param url where to POST; null sends no webhooks (the default)
 * @param appSecret the key of every call's X-Hub-Signature-256
 * @param verifyToken what {@code POST /_sim/webhooks/verify} presents in the handshake
 * @param readAfterMs null: the buyer never reads
 * @param reorder deliver each message's statuses in reverse order (read first), with their
 *     timestamps still in event order, as Meta may
 * @param duplicates extra copies of every call (0: each once)
 * @param maxAttempts calls per webhook until one is answered 2xx; Meta retries a non-2xx
 * @param retryDelayMs the first retry's delay, doubled for each further one
 */
// Nulls are written out (url, readAfterMs), so that a read-change-write through the control API
// can switch webhooks or reads off.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookSettings(
    String url,
    String appSecret,
    String verifyToken,
    long sentAfterMs,
    long deliveredAfterMs,
    Long readAfterMs,
    boolean reorder,
    int duplicates,
    int maxAttempts,
    long retryDelayMs) {

  public static final String DEFAULT_APP_SECRET = "dev-meta-app-secret";
  public static final String DEFAULT_VERIFY_TOKEN = "dev-webhook-verify-token";

  public WebhookSettings {
    if (url != null && !isHttp(url)) {
      throw new IllegalArgumentException("url must be an http(s) URL, got '" + url + "'");
    }
    if (appSecret == null || appSecret.isBlank()) {
      throw new IllegalArgumentException("appSecret must be a non-blank string");
    }
    if (verifyToken == null || verifyToken.isBlank()) {
      throw new IllegalArgumentException("verifyToken must be a non-blank string");
    }
    boolean ordered =
        sentAfterMs >= 0
            && deliveredAfterMs >= sentAfterMs
            && (readAfterMs == null || readAfterMs >= deliveredAfterMs);
    if (!ordered) {
      throw new IllegalArgumentException(
          "delays must satisfy 0 <= sentAfterMs <= deliveredAfterMs <= readAfterMs");
    }
    if (duplicates < 0 || duplicates > 10) {
      throw new IllegalArgumentException("duplicates must be 0 to 10, got " + duplicates);
    }
    if (maxAttempts < 1 || maxAttempts > 20 || retryDelayMs < 0) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 20 and retryDelayMs 0 or more");
    }
  }

  /** No URL yet; Meta-like delays of 100 ms, 300 ms and 1 s; five attempts from 1 s apart. */
  public static WebhookSettings defaults() {
    return new WebhookSettings(
        null, DEFAULT_APP_SECRET, DEFAULT_VERIFY_TOKEN, 100, 300, 1_000L, false, 0, 5, 1_000);
  }

  public boolean enabled() {
    return url != null;
  }

  public WebhookSettings withUrl(String newUrl) {
    return new WebhookSettings(
        newUrl,
        appSecret,
        verifyToken,
        sentAfterMs,
        deliveredAfterMs,
        readAfterMs,
        reorder,
        duplicates,
        maxAttempts,
        retryDelayMs);
  }

  public WebhookSettings withSecrets(String newAppSecret, String newVerifyToken) {
    return new WebhookSettings(
        url,
        newAppSecret,
        newVerifyToken,
        sentAfterMs,
        deliveredAfterMs,
        readAfterMs,
        reorder,
        duplicates,
        maxAttempts,
        retryDelayMs);
  }

  public WebhookSettings withDelays(long sentMs, long deliveredMs, Long readMs) {
    return new WebhookSettings(
        url,
        appSecret,
        verifyToken,
        sentMs,
        deliveredMs,
        readMs,
        reorder,
        duplicates,
        maxAttempts,
        retryDelayMs);
  }

  public WebhookSettings withReorder(boolean reversed) {
    return new WebhookSettings(
        url,
        appSecret,
        verifyToken,
        sentAfterMs,
        deliveredAfterMs,
        readAfterMs,
        reversed,
        duplicates,
        maxAttempts,
        retryDelayMs);
  }

  public WebhookSettings withDuplicates(int copies) {
    return new WebhookSettings(
        url,
        appSecret,
        verifyToken,
        sentAfterMs,
        deliveredAfterMs,
        readAfterMs,
        reorder,
        copies,
        maxAttempts,
        retryDelayMs);
  }

  public WebhookSettings withRetries(int attempts, long firstDelayMs) {
    return new WebhookSettings(
        url,
        appSecret,
        verifyToken,
        sentAfterMs,
        deliveredAfterMs,
        readAfterMs,
        reorder,
        duplicates,
        attempts,
        firstDelayMs);
  }

  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return ("WebhookSettings[url=%s, appSecret=***, verifyToken=***, sentAfterMs=%d,"
            + " deliveredAfterMs=%d, readAfterMs=%s, reorder=%s, duplicates=%d, maxAttempts=%d,"
            + " retryDelayMs=%d]")
        .formatted(
            url,
            sentAfterMs,
            deliveredAfterMs,
            readAfterMs,
            reorder,
            duplicates,
            maxAttempts,
            retryDelayMs);
  }

  private static boolean isHttp(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
