package dev.orderflow.instagram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
 * Instagram messaging: {@code POST /{version}/{ig-or-page-id}/messages} with the id spelled out.
 * {@code /me/messages} is never used: with anything but a Page token it fails with 100/33.
 */
final class InstagramClient implements MessagingClient {
  private static final Logger LOGGER = LoggerFactory.getLogger(InstagramClient.class);

  private final GraphTransport transport;
  private final InstagramHostStyle style;
  private final ErrorClassifier classifier;
  private final ObjectMapper json = new ObjectMapper();

  InstagramClient(
      PlatformClientConfig config, InstagramHostStyle style, ErrorClassifier classifier) {
    this.transport = new GraphTransport(config);
    this.style = style;
    this.classifier = classifier;
  }

  @Override
  public SendOutcome send(NotificationRequested notification, Credentials credentials) {
    ObjectNode body;
    try {
      body = InstagramMessage.text(notification);
    } catch (IllegalArgumentException e) {
      LOGGER.warn("Refusing notification {}: {}", notification.getNotificationId(), e.getMessage());
      return failed(ErrorClass.PERMANENT, 0, "refused locally: " + e.getMessage());
    }
    GraphReply reply =
        transport.post(
            transport.url(credentials.accountId(), "messages"),
            credentials.token(),
            body.toString());
    return switch (reply) {
      case GraphReply.Answered answered when answered.successful() ->
          accepted(answered, read(answered.body()).path("message_id").asText(""));
      case GraphReply.Answered answered -> rejected(answered);
      case GraphReply.NoResponse none -> noResponse(none);
    };
  }

  /** {@code GET /me}: the token must belong to the configured account, not merely reach it. */
  @Override
  public SendOutcome probe(Credentials credentials) {
    var me = transport.url("me").newBuilder().addQueryParameter("fields", style.ownerIdField());
    GraphReply reply = transport.get(me.build(), credentials.token());
    return switch (reply) {
      case GraphReply.Answered answered when answered.successful() ->
          owner(answered, credentials.accountId());
      case GraphReply.Answered answered -> rejected(answered);
      case GraphReply.NoResponse none -> noResponse(none);
    };
  }

  private SendOutcome owner(GraphReply.Answered answered, String accountId) {
    JsonNode me = read(answered.body());
    // Meta answers user_id (and an app-scoped id) on the Instagram-Login host; a stand-in that
    // only knows "id" is read through the same check.
    String owner = me.path(style.ownerIdField()).asText(me.path("id").asText(""));
    if (owner.equals(accountId)) {
      return new SendOutcome.Sent(accountId);
    }
    return failed(
        ErrorClass.PERMANENT_CONFIG,
        answered.status(),
        "the token belongs to '" + owner + "', not the configured account (" + style + ")");
  }

  private static SendOutcome accepted(GraphReply.Answered answered, String messageId) {
    if (messageId.isEmpty()) {
      // Accepted but unidentifiable: resending risks a duplicate, so park it for a person.
      String why = "HTTP " + answered.status() + " without message_id; it may have been sent";
      return new SendOutcome.Failed(
          ErrorClass.PERMANENT, new MetaError(answered.status(), null, null, why, null), true);
    }
    return new SendOutcome.Sent(messageId);
  }

  private SendOutcome rejected(GraphReply.Answered answered) {
    MetaError error =
        GraphErrorBody.parse(
            json, answered.status(), answered.body(), GraphErrorBody.INSTAGRAM_DETAILS);
    return new SendOutcome.Failed(classifier.classify(error), error);
  }

  private static SendOutcome noResponse(GraphReply.NoResponse none) {
    return new SendOutcome.Failed(
        ErrorClass.RETRY, MetaError.noResponse(none.reason()), none.possiblySent());
  }

  private static SendOutcome failed(ErrorClass errorClass, int status, String why) {
    return new SendOutcome.Failed(errorClass, new MetaError(status, null, null, why, null));
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return MissingNode.getInstance();
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
