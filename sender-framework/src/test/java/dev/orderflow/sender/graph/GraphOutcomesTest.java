package dev.orderflow.sender.graph;

import static dev.orderflow.sender.fakes.SendOutcomes.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.MetaError;
import dev.orderflow.sender.api.SendOutcome;
import org.junit.jupiter.api.Test;

/** The reply-to-outcome rules both platform clients share; their own tables classify. */
class GraphOutcomesTest {
  // Stands in for a platform's table: a 5xx retries, anything else is permanent.
  private final GraphOutcomes outcomes =
      new GraphOutcomes(
          error -> error.httpStatus() >= 500 ? ErrorClass.RETRY : ErrorClass.PERMANENT,
          JsonPointer.compile("/messages/0/id"),
          GraphErrorBody.WHATSAPP_DETAILS);

  @Test
  void anAcceptedSendIsSentWithTheIdWhereThePlatformPutsIt() {
    SendOutcome outcome =
        outcomes.ofSend(new GraphReply.Answered(200, "{\"messages\":[{\"id\":\"wamid.1\"}]}"));

    assertThat(outcome).isEqualTo(new SendOutcome.Sent("wamid.1"));
  }

  @Test
  void anAcceptedSendWithoutAMessageIdIsParkedRatherThanResent() {
    SendOutcome outcome = outcomes.ofSend(new GraphReply.Answered(200, "{\"messages\":[]}"));

    assertFailed(
        outcome,
        ErrorClass.PERMANENT,
        failed -> {
          assertThat(failed.error().message()).contains("may have been sent");
          assertThat(failed.possiblySent()).isTrue();
        });
  }

  @Test
  void anUnreadableErrorBodyIsClassifiedByHttpStatus() {
    SendOutcome outcome = outcomes.ofSend(new GraphReply.Answered(502, "<html>Bad Gateway</html>"));

    assertThat(outcome)
        .isEqualTo(
            new SendOutcome.Failed(
                ErrorClass.RETRY,
                new MetaError(502, null, null, "HTTP 502: <html>Bad Gateway</html>", null)));
  }

  @Test
  void noAnswerIsARetryThatSaysWhetherTheRequestMayHaveGoneOut() {
    SendOutcome outcome = outcomes.ofSend(new GraphReply.NoResponse("timeout", true));

    assertFailed(
        outcome,
        ErrorClass.RETRY,
        failed -> {
          assertThat(failed.error().httpStatus()).isZero();
          assertThat(failed.error().code()).isNull();
          assertThat(failed.possiblySent()).isTrue();
        });
  }

  @Test
  void aLocalRefusalIsPermanentWithoutAStatus() {
    assertThat(GraphOutcomes.refusedLocally("too long"))
        .isEqualTo(
            new SendOutcome.Failed(
                ErrorClass.PERMANENT,
                new MetaError(0, null, null, "refused locally: too long", null)));
  }
}
