package dev.orderflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.ingest.outcome.RejectionKind;
import dev.orderflow.ingest.validation.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * schemas/vendor-contract.md's table of rejection kinds and codes is generated from {@link
 * RejectionKind} and {@link ReasonCode#meaning()}: this test fails when they differ, and with
 * {@code -Dvendor.doc.write=true} it rewrites the section instead.
 */
class VendorContractDocTest {
  static final Path DOC = Path.of("..", "schemas", "vendor-contract.md");
  private static final String BEGIN = "<!-- generated:rejection-codes:begin -->\n";
  private static final String END = "<!-- generated:rejection-codes:end -->";

  @Test
  void theVendorDocumentListsEveryRejectionKindAndCodeWithItsMeaning() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("%s has the generated section markers", DOC).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String generated = table();
    String current = doc.substring(begin + BEGIN.length(), end);

    if (Boolean.getBoolean("vendor.doc.write") && !generated.equals(current)) {
      Files.writeString(
          DOC,
          doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end),
          StandardCharsets.UTF_8);
      current = generated;
    }

    assertThat(current)
        .as("the rejection codes of %s; regenerate with -Dvendor.doc.write=true", DOC)
        .isEqualTo(generated);
  }

  static String table() {
    StringJoiner lines = new StringJoiner("\n", "", "\n");
    lines.add("| kind | meaning |").add("|---|---|");
    for (RejectionKind kind : RejectionKind.values()) {
      lines.add("| `" + kind.name() + "` | " + meaning(kind) + " |");
    }
    lines.add("").add("| code | meaning |").add("|---|---|");
    for (ReasonCode code : ReasonCode.values()) {
      lines.add("| `" + code.name() + "` | " + code.meaning().replace("|", "\\|") + " |");
    }
    return lines.toString();
  }

  /** As RejectionKind's own documentation says; a new kind fails compilation here. */
  private static String meaning(RejectionKind kind) {
    return switch (kind) {
      case INVALID -> "It broke one or more rules, or could not be read.";
      case DUPLICATE ->
          "The same order with the same content was already accepted within the dedup window.";
      case CONFLICT ->
          "An order with the same id but different content was already accepted within the window.";
    };
  }
}
