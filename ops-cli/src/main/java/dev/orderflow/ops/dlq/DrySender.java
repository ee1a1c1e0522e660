package dev.orderflow.ops.dlq;

import java.io.PrintWriter;
import java.util.StringJoiner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** {@code --dry-run}: prints exactly what would be sent, sends nothing, writes nothing. */
final class DrySender implements Sender {
  private static final int VALUE_SHOWN = 4000;

  private final PrintWriter out;
  private final ReplayReport report;

  DrySender(PrintWriter out, ReplayReport report) {
    this.out = out;
    this.report = report;
  }

  @Override
  public void send(DeadLetter letter, ProducerRecord<byte[], byte[]> record) {
    out.printf("would replay %s -> %s%n", letter.at(), record.topic());
    out.printf("  key      %s%n", letter.key() == null ? "(null)" : letter.key());
    StringJoiner headers = new StringJoiner(", ");
    for (Header header : record.headers()) {
      headers.add(header.key() + "=" + HeaderValue.of(header.value()).display());
    }
    out.printf("  headers  %s%n", headers);
    int size = record.value() == null ? 0 : record.value().length;
    var tree = Recipients.masked(letter.value().tree());
    String shown = tree == null ? "" : ": " + Text.cut(tree.toString(), VALUE_SHOWN);
    out.printf("  value    %s, %d bytes unchanged%s%n", letter.value().label(), size, shown);
    report.replayed(letter.at(), record.topic(), true);
  }

  @Override
  public void commitIfDue() {}

  @Override
  public void finish() {}

  @Override
  public long abandon() {
    return 0;
  }
}
