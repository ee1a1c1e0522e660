package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.HeaderNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** list and show say when a dead letter is only the compact form of its original. */
class CompactLetterTest {
  private final Letters letters = new Letters();
  private final DeadLetter compact =
      letters.read(
          letters
              .failure("v-1:A-5", "RETRY", "131000")
              .value(new byte[] {0, 0, 0, 0, 1, 2, 3})
              .header(HeaderNames.DLQ_COMPACT, "true")
              .header(HeaderNames.DLQ_COMPACT_REASON, "RecordTooLargeException")
              .header(HeaderNames.DLQ_ORIGINAL_SIZE, "20000")
              .header(HeaderNames.DLQ_ORIGINAL_SHA256, "ab12"),
          3);
  private final DeadLetter whole = letters.read(letters.failure("v-1:A-6", "RETRY", "2"), 4);

  @Test
  void listMarksACompactDeadLetterInTheTableAndInItsFields() {
    StringWriter out = new StringWriter();
    TableWriter table = new TableWriter(new PrintWriter(out));

    table.write(compact);
    table.write(whole);
    table.finish(2, false, 5);

    assertThat(out.toString().lines().filter(line -> line.contains("[compact]"))).hasSize(1);
    assertThat(LetterFields.of(compact)).containsEntry("compact", true);
    assertThat(LetterFields.of(whole)).containsEntry("compact", false);
  }

  @Test
  void showSaysWhatACompactDeadLetterKeptOfItsOriginal() {
    StringWriter out = new StringWriter();

    new RecordText(new PrintWriter(out), false).print(compact);

    assertThat(out.toString())
        .containsPattern(
            "compact +yes: the original value \\(20000 bytes, sha256 ab12\\) was refused by Kafka"
                + " \\(RecordTooLargeException\\)");
  }
}
