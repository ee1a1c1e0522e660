package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.kafka.common.header.Header;

/** {@code show}'s human form of one record. */
final class RecordText {
  private static final ObjectMapper JSON = TerminalText.JSON;
  private static final int BYTES_SHOWN = 4096;

  private final PrintWriter out;
  private final boolean reveal;

  RecordText(PrintWriter out, boolean reveal) {
    this.out = out;
    this.reveal = reveal;
  }

  void print(DeadLetter letter) {
    var record = letter.record();
    line("record", letter.at().toString());
    line("timestamp", letter.timestamp() + " (" + record.timestampType() + ")");
    line("key", letter.key() == null ? "(null)" : letter.key());
    line("parked by", describe(letter.kind()));
    if (letter.original() != null) {
      line("original", letter.original().toString());
    }
    line("error", error(letter));
    CompactLetter.of(record).ifPresent(compact -> line("compact", "yes: " + compact.describe()));
    line(
        "attempts",
        (letter.attempts() == null ? "-" : letter.attempts()) + ", replays " + letter.replays());
    line(
        "order",
        orDash(letter.orderId())
            + "  buyer "
            + orDash(letter.buyerId())
            + "  platform "
            + orDash(letter.platform()));
    line("correlation", orDash(letter.correlationId()));
    out.println("headers");
    for (Header header : record.headers()) {
      out.printf(
          "  %-28s %s%n",
          TerminalText.line(header.key()),
          TerminalText.line(HeaderValue.of(header.value()).display()));
    }
    value(letter.value());
    out.println();
  }

  private void value(DecodedValue value) {
    line("value", value.label());
    switch (value) {
      case DecodedValue.Avro avro -> out.println(pretty(shown(avro.json())));
      case DecodedValue.Json json -> out.println(pretty(shown(json.json())));
      case DecodedValue.Undecodable u -> bytes(u.bytes());
      case DecodedValue.Absent a -> {}
    }
  }

  private void bytes(byte[] bytes) {
    boolean cut = bytes.length > BYTES_SHOWN;
    byte[] shown = cut ? java.util.Arrays.copyOf(bytes, BYTES_SHOWN) : bytes;
    String suffix = cut ? " … (" + bytes.length + " bytes, first " + BYTES_SHOWN + " shown)" : "";
    line("hex", HexFormat.ofDelimiter(" ").formatHex(shown) + suffix);
    line("base64", Base64.getEncoder().encodeToString(shown) + suffix);
    Text.utf8(shown)
        .ifPresent(text -> out.printf("%-12s %s%n", "as text", TerminalText.block(text)));
  }

  private JsonNode shown(JsonNode tree) {
    return reveal ? tree : Recipients.masked(tree);
  }

  private static String error(DeadLetter letter) {
    StringBuilder error = new StringBuilder(orDash(letter.errorClass()));
    if (letter.code() != null) {
      error.append(' ').append(letter.code());
    }
    if (letter.message() != null) {
      error.append(": ").append(letter.message());
    }
    return error.toString();
  }

  private static String describe(SourceKind kind) {
    return switch (kind) {
      case SENDER -> "a sender (dlq.* headers)";
      case UNROUTABLE -> "the router: no platform could take it (unroutable.* headers)";
      case ROUTER -> "the router's Kafka Streams error handler (__streams.errors.* headers)";
      case REJECTED -> "order-ingest: the submission was rejected";
      case OTHER -> "unknown (not one of the pipeline's dead-letter topics)";
    };
  }

  /** Every value printed here may come from a vendor: one line, no terminal controls. */
  private void line(String label, String value) {
    out.printf("%-12s %s%n", label, TerminalText.line(value));
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }

  private static String pretty(JsonNode tree) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      return TerminalText.block(tree.toString());
    }
  }
}
