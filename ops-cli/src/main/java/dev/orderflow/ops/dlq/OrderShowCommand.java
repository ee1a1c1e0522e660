package dev.orderflow.ops.dlq;

import dev.orderflow.common.kafka.TopicNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ops order show}: the story of one order, for "did my buyer get it?". */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Tells the story of one order: intake, route, ledger, Meta's status reports, dead letters"
          + " and replays, and whether the buyer got it.",
      "",
      "Reads orders.created.v1 and orders.rejected.v1 (the intake outcome), notify.<platform>.v1"
          + " (the route), the senders' ledger (each notification's state and Meta message id),"
          + " notify.status.v1 (sent, delivered, read, failed as Meta reported them), the dead-letter"
          + " topics and the replay audit. Every topic is read from --since (default: the whole"
          + " log) without joining a group; on a busy cluster, bound it with --since."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ops order show acme:A-1001                  # vendorId:vendorOrderId",
      "  ops order show A-1001 --since 2d            # a vendor order id, the last two days",
      "  ops order show acme:A-1001 --json",
      ExitCode.FOOTER
    })
public final class OrderShowCommand extends DlqSubcommand {
  @Parameters(
      paramLabel = "ORDER",
      description = "The order id (vendorId:vendorOrderId) or the vendor's own order id.")
  String order;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description = "Read records from this time on: 2h, 7d or 2026-12-01T10:00:00Z.")
  Instant since;

  @Mixin ShowOptions show;

  @Mixin LedgerOptions ledgerOptions;

  @Option(
      names = "--created-topic",
      paramLabel = "TOPIC",
      defaultValue = TopicNames.ORDERS_CREATED,
      description = "Accepted orders (default: ${DEFAULT-VALUE}).")
  String createdTopic;

  @Option(
      names = "--rejected-topic",
      paramLabel = "TOPIC",
      defaultValue = TopicNames.ORDERS_REJECTED,
      description = "Rejections (default: ${DEFAULT-VALUE}).")
  String rejectedTopic;

  @Option(
      names = "--notify-topic",
      paramLabel = "TOPIC",
      split = ",",
      description = "The router's output (default: notify.whatsapp.v1,notify.instagram.v1).")
  List<String> notifyTopics = new ArrayList<>();

  @Option(
      names = "--status-topic",
      paramLabel = "TOPIC",
      defaultValue = TopicNames.NOTIFY_STATUS,
      description = "Meta's status reports (default: ${DEFAULT-VALUE}).")
  String statusTopic;

  @Option(
      names = "--dead-letter-topic",
      paramLabel = "TOPIC",
      split = ",",
      description = "Where records are parked (default: the senders', unroutable and router's).")
  List<String> deadLetterTopics = new ArrayList<>();

  @Option(
      names = "--audit-topic",
      paramLabel = "TOPIC",
      defaultValue = TopicNames.DLQ_REPLAY_AUDIT,
      description = "The replay audit (default: ${DEFAULT-VALUE}).")
  String auditTopic;

  @Override
  Map<String, String> connectionFlags() {
    return ledgerOptions.connectionFlags();
  }

  @Override
  int run(DlqClients clients) {
    var topics =
        new OrderStoryTopics(
            createdTopic,
            rejectedTopic,
            notifyTopics.isEmpty()
                ? List.of(TopicNames.NOTIFY_WHATSAPP, TopicNames.NOTIFY_INSTAGRAM)
                : notifyTopics,
            statusTopic,
            deadLetterTopics.isEmpty() ? DeadLetterTopics.REPLAYABLE : deadLetterTopics,
            auditTopic);
    DynamoLedgerCheck ledger = ledgerOptions.open(clients);
    var existing = clients.consumer().listTopics(clients.timeout()).keySet();
    OrderStory story =
        new OrderStoryReader(clients.scanner(), existing, ledger::entry, topics, since)
            .read(order.trim());
    if (show.json) {
      out().println(OrderStoryText.json(story, show.reveal));
    } else {
      new OrderStoryText(out(), show.reveal).print(story);
    }
    out().flush();
    return story.found() ? ExitCode.OK : ExitCode.NOTHING_MATCHED;
  }
}
