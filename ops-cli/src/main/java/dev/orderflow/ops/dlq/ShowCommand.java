package dev.orderflow.ops.dlq;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ops dlq show}: one record in full, value decoded and every header readable. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Shows records in full: origin, failure, headers, decoded value.",
      "",
      "Shows one record in full: where it came from, why it failed, every header decoded, and the"
          + " value (Avro through the registry, JSON pretty-printed, otherwise hex and base64 with"
          + " the reason it could not be read)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ops dlq show notify.whatsapp.dlq.v1:0:42",
      "  ops dlq show notify.whatsapp.dlq.v1-0@42        # as the services log it",
      "  ops dlq show notification-router.dlq.v1:1:7 --json",
      ExitCode.FOOTER
    })
public final class ShowCommand extends DlqSubcommand {
  @Parameters(
      paramLabel = "RECORD",
      arity = "1..*",
      description = "topic:partition:offset (as list prints it) or topic-partition@offset.")
  List<String> records;

  @Mixin ShowOptions show;

  @Override
  int run(DlqClients clients) {
    DeadLetterScanner scanner = clients.scanner();
    int missing = 0;
    for (String text : records) {
      Coordinates at = parse(text);
      var letter = scanner.fetch(at);
      if (letter.isEmpty()) {
        err().println("no record at " + at + " (outside the log, compacted, or a marker)");
        missing++;
        continue;
      }
      if (show.json) {
        out().println(RecordJson.of(letter.get(), show.reveal));
      } else {
        new RecordText(out(), show.reveal).print(letter.get());
      }
    }
    out().flush();
    return missing == records.size() ? ExitCode.NOTHING_MATCHED : ExitCode.OK;
  }

  private static Coordinates parse(String text) {
    try {
      return Coordinates.parse(text);
    } catch (IllegalArgumentException e) {
      throw DlqException.usage(e.getMessage());
    }
  }
}
