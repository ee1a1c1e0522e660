package dev.orderflow.ops.dlq;

import picocli.CommandLine.Command;

/** {@code ops dlq}: the dead-letter tools. */
@Command(
    name = "dlq",
    mixinStandardHelpOptions = true,
    subcommands = {ListCommand.class, ShowCommand.class, StatsCommand.class, ReplayCommand.class},
    description = {
      "See what failed and why, and replay it safely.",
      "",
      "Reads the senders' notify.<platform>.dlq.v1, notify.unroutable.v1, the router's"
          + " notification-router.dlq.v1 and (read-only) orders.rejected.v1. Reading never joins"
          + " a consumer group or commits offsets."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ops dlq stats --since 24h                      # what broke, and when",
      "  ops dlq list --error-class PERMANENT --code 131026",
      "  ops dlq show notify.whatsapp.dlq.v1:0:42       # one record in full",
      "  ops dlq replay --code 131047 --dry-run          # what a replay would send",
      "  ops dlq replay --code 131047 --rate 20          # send it back, 20 records/s",
      ExitCode.FOOTER
    })
public final class DlqCommand {}
