package dev.orderflow.ops.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes each replay to the audit topic, keyed by run id: a {@code replay-started} record with who,
 * what and where to, and a {@code replay-finished} record with the counts and coordinates.
 */
final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Duration timeout;

  AuditLog(Producer<byte[], byte[]> producer, String topic, Duration timeout) {
    this.producer = producer;
    this.topic = topic;
    this.timeout = timeout;
  }

  void started(ReplayRequest request) {
    write(request.runId(), request(request, "replay-started"));
  }

  void finished(ReplayRequest request, ReplayReport report, Instant at) {
    ObjectNode event = request(request, "replay-finished");
    event.put("finishedAt", at.toString()).put("outcome", report.outcome.name());
    if (report.failure != null) {
      event.put("failure", report.failure);
    }
    event
        .putObject("counts")
        .put("matched", report.matched)
        .put("replayed", report.replayed)
        .put("alreadyReplayed", report.alreadyReplayed)
        .put("alreadySent", report.alreadySent)
        .put("refused", report.refusedCount)
        .put("uncommitted", report.uncommitted);
    event.set("replayed", JSON.valueToTree(report.moved));
    event.set("skipped", JSON.valueToTree(report.skipped));
    event.set("refused", JSON.valueToTree(report.refused));
    event.put("listsCappedAt", ReplayReport.KEPT);
    write(request.runId(), event);
  }

  private static ObjectNode request(ReplayRequest request, String type) {
    ObjectNode event = JSON.createObjectNode().put("event", type).put("runId", request.runId());
    event.put("operator", request.operator()).put("osUser", request.osUser());
    event.put("host", request.host()).put("reason", request.reason());
    event.put("startedAt", request.startedAt().toString());
    event.put("target", request.to() == null ? "original topic" : request.to());
    event.put("rate", request.rate()).put("max", request.max());
    event.put("force", request.force()).put("raw", request.raw());
    event.set("selection", SelectionJson.of(request.selection()));
    return event;
  }

  private void write(String runId, ObjectNode event) {
    var record =
        new ProducerRecord<>(topic, runId.getBytes(UTF_8), event.toString().getBytes(UTF_8));
    try {
      producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DlqException(ExitCode.PARTIAL, "interrupted while writing the audit record");
    } catch (ExecutionException | TimeoutException e) {
      throw new DlqException(
          ExitCode.PARTIAL, "could not write the audit record to " + topic + ": " + e, e);
    }
  }
}
