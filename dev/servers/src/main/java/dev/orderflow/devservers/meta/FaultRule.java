package dev.orderflow.devservers.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Objects;

/**
 * A scripted fault for the next matching send calls, e.g. {@code {"platform":"whatsapp",
 * "kind":"http5xx","status":503,"code":131016,"count":2}}. Without {@code count} or {@code
 * durationMs} it applies until the faults are cleared.
 *
 * @param recipient only calls to this recipient match (any recipient when absent)
 * @param status HTTP status; required for http5xx, optional for error (default: Meta's table)
 * @param code Graph error code; an http5xx fault without one answers a non-Graph (proxy) body
 * @param delayMs how long a timeout fault holds the call before going on
 * @param deliver whether a held call is then processed as usual (default true: the "client timed
 *     out, but Meta sent it" case) or answered 504
 */
public record FaultRule(
    Platform platform,
    Kind kind,
    String recipient,
    Integer count,
    Long durationMs,
    Integer status,
    Integer code,
    Integer subcode,
    Long delayMs,
    Boolean deliver,
    String details) {

  /** What the fault does to a matching call. */
  public enum Kind {
    @JsonProperty("http5xx")
    HTTP_5XX,
    @JsonProperty("timeout")
    TIMEOUT,
    @JsonProperty("error")
    ERROR
  }

  public FaultRule {
    Objects.requireNonNull(platform, "platform is required (whatsapp or instagram)");
    Objects.requireNonNull(kind, "kind is required (http5xx, timeout or error)");
    if (count != null && count < 1) {
      throw new IllegalArgumentException("count must be at least 1 (omit it for no limit)");
    }
    if (durationMs != null && durationMs < 1) {
      throw new IllegalArgumentException("durationMs must be at least 1 (omit it for no limit)");
    }
    switch (kind) {
      case HTTP_5XX -> require(status != null && status >= 500 && status <= 599, "status 500-599");
      case TIMEOUT -> require(delayMs != null && delayMs >= 1, "delayMs of at least 1");
      case ERROR ->
          require(code != null && (status == null || status >= 400 && status <= 599), "a code");
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("this fault kind needs " + what);
    }
  }

  /** Answers a Graph error with this code; the HTTP status follows Meta's table. */
  public static FaultRule error(Platform platform, int code) {
    return new FaultRule(
        platform, Kind.ERROR, null, null, null, null, code, null, null, null, null);
  }

  /** A 5xx with a Graph error body carrying this code. */
  public static FaultRule http5xx(Platform platform, int status, int code) {
    return new FaultRule(
        platform, Kind.HTTP_5XX, null, null, null, status, code, null, null, null, null);
  }

  /** A 5xx with a plain HTML body, as a proxy or load balancer in front of Meta would send. */
  public static FaultRule http5xx(Platform platform, int status) {
    return new FaultRule(
        platform, Kind.HTTP_5XX, null, null, null, status, null, null, null, null, null);
  }

  /** Holds the call, then handles it as usual. */
  public static FaultRule timeout(Platform platform, Duration hold) {
    return new FaultRule(
        platform, Kind.TIMEOUT, null, null, null, null, null, null, hold.toMillis(), null, null);
  }

  public FaultRule times(int n) {
    return new FaultRule(
        platform, kind, recipient, n, durationMs, status, code, subcode, delayMs, deliver, details);
  }

  public FaultRule lasting(Duration duration) {
    return new FaultRule(
        platform,
        kind,
        recipient,
        count,
        duration.toMillis(),
        status,
        code,
        subcode,
        delayMs,
        deliver,
        details);
  }

  public FaultRule forRecipient(String only) {
    return new FaultRule(
        platform, kind, only, count, durationMs, status, code, subcode, delayMs, deliver, details);
  }

  public FaultRule withStatus(int httpStatus) {
    return new FaultRule(
        platform,
        kind,
        recipient,
        count,
        durationMs,
        httpStatus,
        code,
        subcode,
        delayMs,
        deliver,
        details);
  }

  public FaultRule withSubcode(int errorSubcode) {
    return new FaultRule(
        platform,
        kind,
        recipient,
        count,
        durationMs,
        status,
        code,
        errorSubcode,
        delayMs,
        deliver,
        details);
  }

  public FaultRule withDetails(String why) {
    return new FaultRule(
        platform, kind, recipient, count, durationMs, status, code, subcode, delayMs, deliver, why);
  }

  /** A timeout fault that answers 504 after the hold instead of processing the call. */
  public FaultRule withoutDelivery() {
    return new FaultRule(
        platform,
        kind,
        recipient,
        count,
        durationMs,
        status,
        code,
        subcode,
        delayMs,
        false,
        details);
  }

  boolean delivers() {
    return deliver == null || deliver;
  }
}
