package dev.orderflow.whatsapp;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.sender.api.Credentials;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MessagingClient;
import dev.orderflow.sender.api.PlatformClientConfig;
import dev.orderflow.sender.api.SendOutcome;
import dev.orderflow.sender.graph.GraphErrorBody;
import dev.orderflow.sender.graph.GraphOutcomes;
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

  private static final JsonPointer MESSAGE_ID = JsonPointer.compile("/messages/0/id");

  private final GraphTransport transport;
  private final GraphOutcomes outcomes;

  WhatsAppClient(PlatformClientConfig config, ErrorClassifier classifier) {
    this.transport = new GraphTransport(config);
    this.outcomes = new GraphOutcomes(classifier, MESSAGE_ID, GraphErrorBody.WHATSAPP_DETAILS);
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
      case GraphReply.Answered answered -> outcomes.rejected(answered);
      case GraphReply.NoResponse none -> GraphOutcomes.noResponse(none);
    };
  }

  private SendOutcome post(ObjectNode body, Credentials credentials) {
    GraphReply reply =
        transport.post(
            transport.url(credentials.accountId(), "messages"),
            credentials.token(),
            body.toString());
    return outcomes.ofSend(reply);
  }

  private static SendOutcome refuse(NotificationRequested notification, String why) {
    LOGGER.warn("Refusing notification {}: {}", notification.getNotificationId(), why);
    return GraphOutcomes.refusedLocally(why);
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
