package dev.orderflow.sender.graph;

/** What came back from one Graph API call: an HTTP answer, or nothing at all. */
public sealed interface GraphReply {

  record Answered(int status, String body) implements GraphReply {
    public boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /** Timeout, refused connection or reset: the platform may or may not have acted on the call. */
  record NoResponse(String reason) implements GraphReply {}
}
