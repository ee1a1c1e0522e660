package dev.orderflow.ops.dlq;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a selection one source topic at a time. Each source topic has its own transactional id,
 * so starting a replay of a topic fences any other still running on it and aborts what that one
 * left open; only then are the progress marks read, so none can be missed.
 */
final class Replayer {
  private static final Logger LOGGER = LoggerFactory.getLogger(Replayer.class);
  private static final Duration BATCH_AGE = Duration.ofSeconds(1);

  private final DlqClients clients;
  private final ProgressTopic progress;
  private final ReplayRequest request;
  private final ReplayReport report;
  private final ReplayRun run;
  private final int batchSize;
  private final boolean progressExists;
  private final PrintWriter out;

  Replayer(
      PrintWriter out,
      DlqClients clients,
      ProgressTopic progress,
      ReplayRequest request,
      ReplayReport report,
      ReplayRun run,
      int batchSize,
      boolean progressExists) {
    this.out = out;
    this.clients = clients;
    this.progress = progress;
    this.request = request;
    this.report = report;
    this.run = run;
    this.batchSize = batchSize;
    this.progressExists = progressExists;
  }

  static String transactionalId(String sourceTopic) {
    return "ops-dlq-replay." + sourceTopic;
  }

  void replay(List<String> sources) {
    DeadLetterScanner scanner = clients.scanner();
    for (String source : sources) {
      Sender sender = sender(source);
      try {
        Set<String> done =
            progress.replayed(clients.consumer(), source, clients.timeout(), progressExists);
        run.source(sender, done);
        scanner.scan(forSource(source), List.of(source), run::offer, run.progress());
        sender.finish();
      } catch (ReplayRun.Stopped | KafkaException | DlqException e) {
        // An interrupt can surface as any of these (the AWS SDK reports it as a failed call):
        // clear it, so the abort and the audit write can still talk to Kafka.
        boolean interrupted =
            Thread.interrupted()
                || e instanceof ReplayRun.Stopped
                || e instanceof InterruptException;
        LOGGER.debug("replay of {} stopped (interrupted: {})", source, interrupted, e);
        report.outcome =
            interrupted ? ReplayReport.Outcome.INTERRUPTED : ReplayReport.Outcome.FAILED;
        report.failure = interrupted ? null : e.getMessage();
        report.uncommitted += sender.abandon();
        return;
      }
      if (report.outcome == ReplayReport.Outcome.STOPPED_AT_MAX) {
        return;
      }
    }
  }

  private Sender sender(String source) {
    if (request.dryRun()) {
      return new DrySender(out, report);
    }
    KafkaProducer<byte[], byte[]> producer = clients.transactionalProducer(transactionalId(source));
    producer.initTransactions();
    return new TransactionalSender(
        producer, progress, request, report, batchSize, BATCH_AGE, Clock.systemUTC());
  }

  private Selection forSource(String source) {
    Selection s = request.selection();
    List<Coordinates> records = s.records().stream().filter(c -> c.topic().equals(source)).toList();
    return new Selection(List.of(source), s.range(), s.filters(), s.skip(), 0, records);
  }
}
