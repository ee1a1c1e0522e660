package dev.orderflow.ops.dlq;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ops dlq stats}: what failed, how, where and when, in one screen. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Counts dead letters by class, code, platform, topic and time.",
      "",
      "Counts dead letters by error class, code, platform and topic, and over time as a text"
          + " histogram, so the cause of a spike is visible in one screen. Takes the same filters"
          + " as list."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ops dlq stats --since 24h",
      "  ops dlq stats --topic notify.whatsapp.dlq.v1 --since 2026-05-01 --bucket 1h",
      "  ops dlq stats --error-class PERMANENT --json",
      ExitCode.FOOTER
    })
public final class StatsCommand extends DlqSubcommand {
  @Mixin SelectionOptions select;

  @Option(
      names = "--bucket",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Histogram bucket (1m … 7d; default: chosen to fit about 30 rows).")
  Duration bucket;

  @Option(names = "--json", description = "The counts as one JSON object.")
  boolean json;

  @Override
  int run(DlqClients clients) {
    Selection selection = select.selection(0, List.of());
    List<String> topics = clients.topics(selection.topics(), DeadLetterTopics.ALL);
    Tally tally = new Tally();
    clients
        .scanner()
        .scan(
            selection,
            topics,
            letter -> {
              tally.add(letter);
              return true;
            },
            ScanProgress.NONE);
    if (tally.total() == 0) {
      err().println("no dead letters match");
      return ExitCode.NOTHING_MATCHED;
    }
    StatsReport report = new StatsReport(tally, bucket);
    if (json) {
      report.printJson(out());
    } else {
      report.printText(out());
    }
    return ExitCode.OK;
  }
}
