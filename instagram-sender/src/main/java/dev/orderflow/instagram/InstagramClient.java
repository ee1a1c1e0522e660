package dev.orderflow.instagram;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.kafka.ErrorClass;
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
 * Instagram messaging: {@code POST /{version}/{ig-or-page-id}/messages} with the id spelled out.
 * {@code /me/messages} is never used: with anything but a Page token it fails with 100/33.
 */
final class InstagramClient implements MessagingClient {
  private static final Logger LOGGER = LoggerFactory.getLogger(InstagramClient.class);

  private static final JsonPointer MESSAGE_ID = JsonPointer.compile("/message_id");

  private final GraphTransport transport;
  private final InstagramHostStyle style;
  private final GraphOutcomes outcomes;

  InstagramClient(
      PlatformClientConfig config, InstagramHostStyle style, ErrorClassifier classifier) {
    this.transport = new GraphTransport(config);
    this.style = style;
    this.outcomes = new GraphOutcomes(classifier, MESSAGE_ID, GraphErrorBody.INSTAGRAM_DETAILS);
  }

  @Override
  public SendOutcome send(NotificationRequested notification, Credentials credentials) {
    ObjectNode body;
    try {
      body = InstagramMessage.text(notification);
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Refusing notification {}: {}", notification.getNotificationId(), e.getMessage());
      return GraphOutcomes.refusedLocally(e.getMessage());
    }
    GraphReply reply =
        transport.post(
            transport.url(credentials.accountId(), "messages"),
            credentials.token(),
            body.toString());
    return outcomes.ofSend(reply);
  }

  /** {@code GET /me}: the token must belong to the configured account, not merely reach it. */
  @Override
  public SendOutcome probe(Credentials credentials) {
    var me = transport.url("me").newBuilder().addQueryParameter("fields", style.ownerIdField());
    GraphReply reply = transport.get(me.build(), credentials.token());
    return switch (reply) {
      case GraphReply.Answered answered when answered.successful() ->
          owner(answered, credentials.accountId());
      case GraphReply.Answered answered -> outcomes.rejected(answered);
      case GraphReply.NoResponse none -> GraphOutcomes.noResponse(none);
    };
  }

  private SendOutcome owner(GraphReply.Answered answered, String accountId) {
    JsonNode me = GraphOutcomes.read(answered.body());
    // Meta answers user_id (and an app-scoped id) on the Instagram-Login host; a stand-in that
    // only knows "id" is read through the same check.
    String owner = me.path(style.ownerIdField()).asText(me.path("id").asText(""));
    if (owner.equals(accountId)) {
      return new SendOutcome.Sent(accountId);
    }
    return GraphOutcomes.failed(
        ErrorClass.PERMANENT_CONFIG,
        answered.status(),
        "the token belongs to '" + owner + "', not the configured account (" + style + ")");
  }

  @Override
  public void close() {
    transport.close();
  }
}
