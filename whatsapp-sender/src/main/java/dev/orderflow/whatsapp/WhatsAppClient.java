package dev.orderflow.whatsapp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.graph.GraphErrorBody;
import dev.orderflow.sender.graph.GraphReply;
import dev.orderflow.sender.graph.GraphTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp Cloud API: {@code POST /{version}/{phone-number-id}/messages}. Sends free text only when
 * the notification says the buyer's service window is open, and falls back to the template when
 * Meta answers that it is closed after all (131047).
 */
final class WhatsAppClient implements MessagingClient {
  private static final Logger LOGGER = LoggerFactory.getLogger(WhatsAppClient.class);
  private static final int OUTSIDE_WINDOW = 131047;

  private final GraphTransport transport;
  private final ErrorClassifier classifier;
  private final ObjectMapper json = new ObjectMapper();

  WhatsAppClient(PlatformClientConfig config, ErrorClassifier classifier) {
    this.transport = new GraphTransport(config);
    this.classifier = classifier;
  }

  @Override
  public SendOutcome send(NotificationRequested notification, Credentials credentials) {
    if (notification.getInsideServiceWindow() && !notification.getText().isBlank()) {
      SendOutcome outcome = post(WhatsAppPayloads.freeText(notification), credentials);
      if (notification.getTemplate() == null || !windowClosed(outcome)) {
        return outcome;
      }
      LOGGER.info(
          "Service window closed for notification {}; sending its template instead",
          notification.getNotificationId());
    }
    ObjectNode template;
    try {
      template = WhatsAppPayloads.template(notification);
    } catch (IllegalArgumentException e) {
      return refuse(notification, e.getMessage());
    }
    return post(template, credentials);
  }

  /** Every send carries biz_opaque_callback_data = the notification id (WhatsAppPayloads). */
  @Override
  public boolean statusesNameNotification() {
    return true;
  }

  @Override
  public SendOutcome probe(Credentials credentials) {
    GraphReply reply = transport.get(transport.url(credentials.accountId()), credentials.token());
    return switch (reply) {
      case GraphReply.Answered answered when answered.successful() ->
          new SendOutcome.Sent(credentials.accountId());
      case GraphReply.Answered answered -> failed(answered);
      case GraphReply.NoResponse none -> noResponse(none);
    };
  }

  private SendOutcome post(ObjectNode body, Credentials credentials) {
    GraphReply reply =
        transport.post(
            transport.url(credentials.accountId(), "messages"),
            credentials.token(),
            body.toString());
    return switch (reply) {
      case GraphReply.Answered answered when answered.successful() -> accepted(answered);
      case GraphReply.Answered answered -> failed(answered);
      case GraphReply.NoResponse none -> noResponse(none);
    };
  }

  private SendOutcome accepted(GraphReply.Answered answered) {
    String wamid = messageId(answered.body());
    if (wamid.isEmpty()) {
      // Accepted but unidentifiable: resending risks a duplicate, so park it for a person.
      String why = "HTTP " + answered.status() + " without messages[0].id; it may have been sent";
      return new SendOutcome.Failed(
          ErrorClass.PERMANENT, new MetaError(answered.status(), null, null, why, null), true);
    }
    return new SendOutcome.Sent(wamid);
  }

  private String messageId(String body) {
    try {
      return json.readTree(body).path("messages").path(0).path("id").asText("");
    } catch (JacksonException e) {
      return "";
    }
  }

  private SendOutcome failed(GraphReply.Answered answered) {
    MetaError error =
        GraphErrorBody.parse(
            json, answered.status(), answered.body(), GraphErrorBody.WHATSAPP_DETAILS);
    return new SendOutcome.Failed(classifier.classify(error), error);
  }

  private static SendOutcome noResponse(GraphReply.NoResponse none) {
    return new SendOutcome.Failed(
        ErrorClass.RETRY, MetaError.noResponse(none.reason()), none.possiblySent());
  }

  private static SendOutcome refuse(NotificationRequested notification, String why) {
    LOGGER.warn("Refusing notification {}: {}", notification.getNotificationId(), why);
    return new SendOutcome.Failed(
        ErrorClass.PERMANENT, new MetaError(0, null, null, "refused locally: " + why, null));
  }

  private static boolean windowClosed(SendOutcome outcome) {
    return outcome instanceof SendOutcome.Failed failed
        && failed.error().code() != null
        && failed.error().code() == OUTSIDE_WINDOW;
  }

  @Override
  public void close() {
    transport.close();
  }
}
