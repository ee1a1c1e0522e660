package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The error classes the help offers are the ones the senders write (common's {@link ErrorClass}),
 * so an operator's {@code --error-class} selection can match something.
 */
class ErrorClassHelpTest {
  @Test
  void replayHelpNamesEveryErrorClassTheSendersWriteAndNoOther() {
    Cli.Run run = new Cli(List.of()).run("replay", "--help");
    String help = run.out();

    for (ErrorClass errorClass : ErrorClass.values()) {
      assertThat(help).contains(errorClass.name());
    }
    assertThat(help).doesNotContain("TRANSIENT", "THROTTLED", " AUTH");
  }
}
