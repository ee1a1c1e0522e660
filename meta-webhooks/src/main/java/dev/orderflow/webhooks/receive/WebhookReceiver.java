package dev.orderflow.webhooks.receive;

import dev.orderflow.common.secrets.SecretUnavailableException;
import dev.orderflow.webhooks.http.Answer;
import dev.orderflow.webhooks.http.WebhookEndpoint;
import dev.orderflow.webhooks.parse.ParseResult;
import dev.orderflow.webhooks.parse.WebhookParser;
import dev.orderflow.webhooks.publish.Delivery;
import dev.orderflow.webhooks.publish.EventWriter;
import dev.orderflow.webhooks.publish.WriteFailedException;
import dev.orderflow.webhooks.signature.SignatureCheck.Verdict;
import dev.orderflow.webhooks.signature.WebhookAuthenticator;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A POST from Meta, in order: the signature over the raw bytes (401 when missing or wrong, before
 * anything is parsed), the parse (400 when the body is not a webhook), the write to Kafka (503 when
 * it is not acknowledged in time, so Meta delivers it again), and only then 200. Bodies are never
 * logged; log lines carry the request id, which every record of the webhook carries as its
 * correlation id.
 */
public final class WebhookReceiver implements WebhookEndpoint {
  private static final Logger LOGGER = LoggerFactory.getLogger(WebhookReceiver.class);

  private final WebhookAuthenticator auth;
  private final Handshake handshake;
  private final WebhookParser parser = new WebhookParser();
  private final EventWriter writer;
  private final WebhookMetrics metrics;
  private final Clock clock;

  public WebhookReceiver(
      WebhookAuthenticator auth, EventWriter writer, WebhookMetrics metrics, Clock clock) {
    this.auth = auth;
    this.handshake = new Handshake(auth);
    this.writer = writer;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Answer handshake(Map<String, String> query) {
    try {
      Answer answer = handshake.answer(query);
      metrics.handshake(answer.status() == 200);
      LOGGER.info("subscription handshake status={}", answer.status());
      return answer;
    } catch (SecretUnavailableException e) {
      return credentialsUnavailable(e);
    }
  }

  @Override
  public Answer deliver(String signature, byte[] body) {
    Delivery delivery = new Delivery("webhook-" + UUID.randomUUID(), clock.instant(), body);
    Verdict verdict;
    try {
      verdict = auth.signature(body, signature);
    } catch (SecretUnavailableException e) {
      return credentialsUnavailable(e);
    }
    if (verdict != Verdict.VALID) {
      metrics.signatureFailure(verdict);
      LOGGER.warn(
          "webhook refused: signature {} request={} bytes={}",
          verdict,
          delivery.requestId(),
          body.length);
      return Answer.of(401, "signature " + verdict.name().toLowerCase(Locale.ROOT) + "\n");
    }
    return switch (parser.parse(body, delivery.receivedAt())) {
      case ParseResult.NotAWebhook notAWebhook -> notAWebhook(notAWebhook, delivery);
      case ParseResult.Webhook webhook -> write(webhook, delivery);
    };
  }

  private Answer notAWebhook(ParseResult.NotAWebhook notAWebhook, Delivery delivery) {
    metrics.refused("not-a-webhook");
    LOGGER.warn(
        "webhook refused: not a webhook request={} reason={}",
        delivery.requestId(),
        notAWebhook.reason());
    return Answer.of(400, "not a webhook: " + notAWebhook.reason() + "\n");
  }

  private Answer write(ParseResult.Webhook webhook, Delivery delivery) {
    try {
      writer.write(webhook, delivery);
    } catch (WriteFailedException e) {
      metrics.refused("kafka-unavailable");
      LOGGER.warn(
          "webhook not written, Meta will retry request={} error={}",
          delivery.requestId(),
          e.getMessage());
      return Answer.of(503, "not stored, try again\n");
    }
    webhook.statuses().forEach(metrics::status);
    webhook.inbound().forEach(metrics::inbound);
    if (!webhook.unparsed().isEmpty()) {
      metrics.unparsed(webhook.object());
      LOGGER.warn(
          "webhook parts not handled request={} object={} reasons={}",
          delivery.requestId(),
          webhook.object(),
          webhook.unparsed());
    }
    LOGGER.info(
        "webhook accepted request={} object={} statuses={} inbound={} unparsed={}",
        delivery.requestId(),
        webhook.object(),
        webhook.statuses().size(),
        webhook.inbound().size(),
        webhook.unparsed().size());
    return Answer.ok("EVENT_RECEIVED");
  }

  private Answer credentialsUnavailable(SecretUnavailableException e) {
    metrics.refused("no-credentials");
    LOGGER.error("webhook credentials unavailable, answering 503: {}", e.getMessage());
    return Answer.of(503, "credentials unavailable, try again\n");
  }
}
