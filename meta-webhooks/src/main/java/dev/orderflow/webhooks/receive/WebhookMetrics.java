package dev.orderflow.webhooks.receive;

import dev.orderflow.schema.DeliveryStatus;
import dev.orderflow.schema.InboundMessage;
import dev.orderflow.webhooks.parse.WebhookParser;
import dev.orderflow.webhooks.signature.SignatureCheck.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Every meter meta-webhooks publishes, named {@code webhooks.*} (the module README lists them).
 * Tags that come from Meta's payloads are cut to known values, so a stray type cannot grow the
 * registry.
 */
public final class WebhookMetrics {
  private static final Set<String> KNOWN_TYPES =
      Set.of(
          "text",
          "button",
          "interactive",
          "reaction",
          "image",
          "video",
          "audio",
          "document",
          "sticker",
          "location",
          "contacts",
          "order",
          "unsupported",
          "attachment",
          "postback",
          "deleted");
  private static final Set<String> KNOWN_OBJECTS =
      Set.of(WebhookParser.WHATSAPP, WebhookParser.INSTAGRAM);

  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void status(DeliveryStatus status) {
    registry
        .counter(
            "webhooks.statuses",
            "platform",
            lower(status.getPlatform().name()),
            "status",
            lower(status.getStatus().name()))
        .increment();
  }

  void inbound(InboundMessage message) {
    String type = KNOWN_TYPES.contains(message.getType()) ? message.getType() : "other";
    registry
        .counter("webhooks.inbound", "platform", lower(message.getPlatform().name()), "type", type)
        .increment();
  }

  void unparsed(String object) {
    registry
        .counter("webhooks.unparsed", "object", KNOWN_OBJECTS.contains(object) ? object : "other")
        .increment();
  }

  void signatureFailure(Verdict verdict) {
    registry.counter("webhooks.signature.failures", "reason", lower(verdict.name())).increment();
  }

  /**
   * A call refused before its events were written: not-a-webhook, kafka-unavailable,
   * no-credentials.
   */
  void refused(String reason) {
    registry.counter("webhooks.refused", "reason", reason).increment();
  }

  void handshake(boolean accepted) {
    registry
        .counter("webhooks.handshakes", "outcome", accepted ? "accepted" : "refused")
        .increment();
  }

  /** Request latency by method and answered status, as a histogram for percentiles. */
  public void request(String method, int status, Duration elapsed) {
    Timer.builder("webhooks.requests")
        .tag("method", method)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
