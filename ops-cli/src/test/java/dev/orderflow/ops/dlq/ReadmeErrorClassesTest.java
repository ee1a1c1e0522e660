package dev.orderflow.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.common.kafka.ErrorClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error class the READMEs and the commands' help examples show, as a selection or as output,
 * is one the senders write (common's {@link ErrorClass}) or the class the ops tool gives an
 * unroutable order ({@link DeadLetterReader#UNROUTABLE_CLASS}): an example copied from the docs
 * matches.
 */
class ReadmeErrorClassesTest {
  private static final List<Pattern> SHOWN =
      List.of(
          // a selection: --error-class PERMANENT
          Pattern.compile("--error-class[ =]([A-Z_]+)"),
          // show: "dlq.error.class   PERMANENT" and "error   PERMANENT 131047: ..."
          Pattern.compile("dlq\\.error\\.class\\s+([A-Z_]+)"),
          Pattern.compile("(?m)^error\\s+([A-Z_]+) \\d+:"),
          // stats: "  PERMANENT   6  60.0%" and "  PERMANENT 131047   4  40.0%"
          Pattern.compile("(?m)^\\s{2}([A-Z_]+)(?: \\d+)?\\s+\\d+\\s+\\d+\\.\\d%"));

  @Test
  void everyErrorClassTheDocsAndHelpExamplesShowIsOneTheSendersWrite() throws IOException {
    List<String> known =
        Stream.concat(
                Arrays.stream(ErrorClass.values()).map(Enum::name),
                Stream.of(DeadLetterReader.UNROUTABLE_CLASS))
            .toList();
    List<String> shown = new ArrayList<>();
    for (Path doc : docs()) {
      String text = Files.readString(doc);
      assertThat(text).as(doc.toString()).doesNotContain("TRANSIENT", "THROTTLED");
      for (Pattern pattern : SHOWN) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          shown.add(m.group(1));
        }
      }
    }

    assertThat(shown).as("error classes found in the docs").isNotEmpty();
    assertThat(known).containsAll(shown);
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("../README.md")));
    if (Files.exists(Path.of("README.md"))) {
      docs.add(Path.of("README.md"));
    }
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(docs::add);
    }
    return docs;
  }
}
