package dev.orderflow.ops.dlq;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ops dlq list}: a page of dead letters as a table, JSON Lines or CSV. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    description = "Lists dead letters (oldest first per partition), filtered and paged.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  ops dlq list --since 2h",
      "  ops dlq list --topic notify.whatsapp.dlq.v1 --error-class PERMANENT --code 131026",
      "  ops dlq list --order-id vendor-7:A-1001 --json",
      "  ops dlq list --buyer-id buyer-42 --csv --limit 0 > dead-letters.csv",
      "  ops dlq list --limit 50 --offset 50           # the second page",
      ExitCode.FOOTER
    })
public final class ListCommand extends DlqSubcommand {
  @Mixin SelectionOptions select;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "Show at most N (0: all; default: ${DEFAULT-VALUE}).")
  long limit;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "JSON Lines: one object per dead letter.")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header row.")
    boolean csv;
  }

  @Override
  int run(DlqClients clients) {
    // One more than the page, so the table can say whether another page follows.
    Selection selection = select.selection(limit == 0 ? 0 : limit + 1, List.of());
    List<String> topics = clients.topics(selection.topics(), DeadLetterTopics.ALL);
    LetterWriter writer = writer();
    long[] shown = {0};
    long matched =
        clients
            .scanner()
            .scan(
                selection,
                topics,
                letter -> {
                  if (limit == 0 || shown[0] < limit) {
                    writer.write(letter);
                    shown[0]++;
                  }
                  return true;
                },
                ScanProgress.NONE);
    writer.finish(shown[0], matched > shown[0], select.skip + shown[0]);
    return shown[0] == 0 ? ExitCode.NOTHING_MATCHED : ExitCode.OK;
  }

  private LetterWriter writer() {
    if (format.json) {
      return new JsonLinesWriter(out());
    }
    return format.csv ? new CsvLetterWriter(out()) : new TableWriter(out());
  }
}
