package dev.orderflow.sender.graph;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.ErrorClassifier;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;

/**
 * How a Graph API reply becomes a {@link SendOutcome}, the same for every platform: a success with
 * the message id where the platform puts it, a success without one parked (resending it risks a
 * duplicate), an error body parsed and classified by the platform's table, and no answer a retry
 * that says whether the request may have gone out.
 *
 * @param messageId where a send's answer holds the message id ({@code /messages/0/id} on WhatsApp)
 * @param details where an error body holds the detail Meta gives a person
 */
public record GraphOutcomes(
    ErrorClassifier classifier, JsonPointer messageId, JsonPointer details) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A send's reply. */
  public SendOutcome ofSend(GraphReply reply) {
    return switch (reply) {
      case GraphReply.Answered answered when answered.successful() -> accepted(answered);
      case GraphReply.Answered answered -> rejected(answered);
      case GraphReply.NoResponse none -> noResponse(none);
    };
  }

  /** An answer with an error status, parsed and classified. */
  public SendOutcome rejected(GraphReply.Answered answered) {
    MetaError error = GraphErrorBody.parse(JSON, answered.status(), answered.body(), details);
    return new SendOutcome.Failed(classifier.classify(error), error);
  }

  /** No answer: retried, possibly sent once the request had started to go out. */
  public static SendOutcome noResponse(GraphReply.NoResponse none) {
    return new SendOutcome.Failed(
        ErrorClass.RETRY, MetaError.noResponse(none.reason()), none.possiblySent());
  }

  /** Refused before calling Meta (a payload Meta would refuse): permanent, never sent. */
  public static SendOutcome refusedLocally(String why) {
    return failed(ErrorClass.PERMANENT, 0, "refused locally: " + why);
  }

  /** A failure this service decides, with the HTTP status it decided on (0 for none). */
  public static SendOutcome failed(ErrorClass errorClass, int status, String why) {
    return new SendOutcome.Failed(errorClass, new MetaError(status, null, null, why, null));
  }

  /** An answer's body as JSON; missing when it is not JSON. */
  public static JsonNode read(String body) {
    if (body == null) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return MissingNode.getInstance();
    }
  }

  private SendOutcome accepted(GraphReply.Answered answered) {
    String id = read(answered.body()).at(messageId).asText("");
    if (id.isEmpty()) {
      // Accepted but unidentifiable: resending risks a duplicate, so park it for a person.
      String why =
          "HTTP " + answered.status() + " without " + messageId + "; it may have been sent";
      return new SendOutcome.Failed(
          ErrorClass.PERMANENT, new MetaError(answered.status(), null, null, why, null), true);
    }
    return new SendOutcome.Sent(id);
  }
}
