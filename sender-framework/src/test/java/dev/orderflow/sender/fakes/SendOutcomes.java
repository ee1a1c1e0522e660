package dev.orderflow.sender.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import dev.orderflow.sender.api.SendOutcome;
import java.util.function.Consumer;

/** Assertions on a client's {@link SendOutcome}, shared by the platform clients' tests. */
public final class SendOutcomes {
  private SendOutcomes() {}

  /** Asserts the send succeeded; its platform message id. */
  public static String sentId(SendOutcome outcome) {
    assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
    return ((SendOutcome.Sent) outcome).platformMessageId();
  }

  /** Asserts the send failed with {@code expected}, then what {@code more} checks. */
  public static void assertFailed(
      SendOutcome outcome, ErrorClass expected, Consumer<SendOutcome.Failed> more) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            SendOutcome.Failed.class,
            failed -> {
              assertThat(failed.errorClass()).isEqualTo(expected);
              more.accept(failed);
            });
  }
}
