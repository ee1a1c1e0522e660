package dev.orderflow.ops.dlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ops dlq replay}: sends selected dead letters back, once, with an audit trail. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    description = {
      "Sends dead letters back, once each, with an audit record.",
      "",
      "Sends the selected dead letters back to the topic they came from (dlq.original.topic; an"
          + " unroutable order goes back to orders.created.v1) or to --to. Key and value are sent"
          + " unchanged; dlq.*, __streams.errors.*, unroutable.* and retry.* headers are dropped,"
          + " replay.count goes up by one, the correlation id stays.",
      "",
      "Safe to repeat: each replayed record is checkpointed in the same transaction as its copy,"
          + " so a second or resumed run skips it. Records the ledger has as SENT are skipped."
          + " Every run is written to the audit topic (who, what, when, counts, coordinates)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # what would go, exactly; nothing is sent or written",
      "  ops dlq replay --topic notify.whatsapp.dlq.v1 --code 131047 --dry-run",
      "  # after the fix: at most 20 records/s, recorded as yours with a reason",
      "  ops dlq replay --topic notify.whatsapp.dlq.v1 --code 131047 --rate 20 \\",
      "      --reason 'template re-approved (INC-42)'",
      "  # two records by coordinates, the first 10 of a selection, then the rest",
      "  ops dlq replay --record notify.whatsapp.dlq.v1:0:42,notify.whatsapp.dlq.v1:1:7",
      "  ops dlq replay --error-class RETRY --since 2h --max 10",
      "  ops dlq replay --error-class RETRY --since 2h",
      "  # unroutable orders back through the router once the buyers have registered",
      "  ops dlq replay --topic notify.unroutable.v1 --code UNKNOWN_BUYER",
      ExitCode.FOOTER
    })
public final class ReplayCommand extends DlqSubcommand {
  @Mixin SelectionOptions select;

  @Option(
      names = "--record",
      paramLabel = "TOPIC:PARTITION:OFFSET",
      split = ",",
      description = "Replay exactly these records (the filters still apply).")
  List<String> records = new ArrayList<>();

  @Option(names = "--to", paramLabel = "TOPIC", description = "Send every record here instead.")
  String to;

  @Option(names = "--dry-run", description = "Show exactly what would be sent; change nothing.")
  boolean dryRun;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "0",
      description = "At most N records per second (default: no limit).")
  double rate;

  @Option(names = "--max", paramLabel = "N", defaultValue = "0", description = "Stop after N.")
  long max;

  @Option(
      names = "--force",
      description =
          "Allow a target that is not a pipeline topic, and replay records stamped"
              + " dlq.possibly-sent=true (they may have reached the buyer already).")
  boolean force;

  @Option(names = "--raw", description = "Allow values that cannot be decoded (sent as bytes).")
  boolean raw;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      defaultValue = "${sys:user.name}",
      description = "Who replays, for the audit (default: the OS user, ${DEFAULT-VALUE}).")
  String operator;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit.")
  String reason;

  @Mixin ReplayOptions options;

  @Override
  Map<String, String> connectionFlags() {
    return options.ledger.connectionFlags();
  }

  @Override
  int run(DlqClients clients) {
    if (rate < 0 || max < 0 || options.batch < 1 || options.batch > 10_000) {
      throw DlqException.usage("--rate and --max must be >= 0, --batch between 1 and 10000");
    }
    Selection asked = select.selection(0, coordinates());
    List<String> sources = sources(clients, asked);
    // The audit records the topics actually read, not an empty "default".
    Selection selection =
        new Selection(sources, asked.range(), asked.filters(), asked.skip(), 0, asked.records());
    Set<String> existing = clients.consumer().listTopics(clients.timeout()).keySet();
    ReplayGate gate = gate(clients, existing);
    ReplayRequest request = request(selection);
    ReplayReport report = new ReplayReport(out());
    AuditLog audit = null;
    if (!dryRun) {
      ReplayTopics.ensure(
          clients.admin(),
          existing,
          options.auditTopic,
          options.progressTopic,
          clients.timeout(),
          err());
      audit = new AuditLog(clients.producer(), options.auditTopic, clients.timeout());
      audit.started(request);
    }
    ReplayMeter meter = new ReplayMeter(err(), System.console() != null);
    try (StopSignal stop = StopSignal.onShutdown()) {
      ReplayRun run = new ReplayRun(gate, report, meter, new Pacer(rate), max, stop::requested);
      boolean progressExists = !dryRun || existing.contains(options.progressTopic);
      new Replayer(
              out(),
              clients,
              new ProgressTopic(options.progressTopic),
              request,
              report,
              run,
              options.batch,
              progressExists)
          .replay(sources);
      meter.finish();
      if (audit != null) {
        audit.finished(request, report, Instant.now());
      }
    }
    out()
        .println(
            (dryRun ? "dry run, nothing sent: " : "run " + request.runId() + ": ")
                + report.summary(dryRun));
    out().flush();
    return report.exitCode();
  }

  private List<Coordinates> coordinates() {
    try {
      return records.stream().map(Coordinates::parse).toList();
    } catch (IllegalArgumentException e) {
      throw DlqException.usage(e.getMessage());
    }
  }

  private List<String> sources(DlqClients clients, Selection selection) {
    List<String> asked =
        selection.explicit()
            ? selection.records().stream().map(Coordinates::topic).distinct().toList()
            : selection.topics();
    List<String> sources = clients.topics(asked, DeadLetterTopics.REPLAYABLE);
    if (sources.contains(dev.orderflow.common.kafka.TopicNames.ORDERS_REJECTED)) {
      throw DlqException.usage(
          "orders.rejected.v1 is read-only: a rejected order is fixed and resubmitted by its"
              + " vendor; use list or show to read it");
    }
    if (sources.isEmpty()) {
      throw new DlqException(ExitCode.NOTHING_MATCHED, "none of the dead-letter topics exists");
    }
    return sources;
  }

  private ReplayGate gate(DlqClients clients, Set<String> existing) {
    Set<String> pipeline = new HashSet<>(DeadLetterTopics.PIPELINE);
    pipeline.addAll(options.pipelineTopics);
    if (to != null && !pipeline.contains(to) && !force) {
      throw DlqException.usage(
          to
              + " is not a pipeline topic ("
              + String.join(", ", pipeline.stream().sorted().toList())
              + "); --force replays there anyway");
    }
    if (to != null && !existing.contains(to)) {
      throw DlqException.usage("--to " + to + ": no such topic");
    }
    LedgerCheck ledger = LedgerCheck.NONE;
    if (!options.noLedgerCheck) {
      ledger = options.ledger.open(clients);
    }
    return new ReplayGate(to, force, raw, Set.copyOf(pipeline), Set.copyOf(existing), ledger);
  }

  private ReplayRequest request(Selection selection) {
    return ReplayRequest.start(
        operator, reason, selection, to, rate, max, new ReplayRequest.Flags(dryRun, force, raw));
  }
}
