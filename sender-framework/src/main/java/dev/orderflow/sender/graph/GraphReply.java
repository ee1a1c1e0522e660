package dev.orderflow.sender.graph;

/** What came back from one Graph API call: an HTTP answer, or nothing at all. */
public sealed interface GraphReply {

  record Answered(int status, String body) implements GraphReply {
    public boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Timeout, refused connection or reset. {@code possiblySent} once the request had started to go
   * out (the platform may have acted on it); false when it never left (connect failed).
   */
  record NoResponse(String reason, boolean possiblySent) implements GraphReply {
    /** Nothing was written: the platform cannot have acted on it. */
    public NoResponse(String reason) {
      this(reason, false);
    }
  }
}
