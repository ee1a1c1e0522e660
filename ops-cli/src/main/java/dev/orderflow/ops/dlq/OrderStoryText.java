package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.common.logging.Redact;
import dev.orderflow.ops.dlq.OrderStory.LedgerEntry;
import dev.orderflow.ops.dlq.OrderStory.Replay;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** {@code ops order show}'s output: sections a person reads top to bottom, or one JSON object. */
final class OrderStoryText {
  private static final ObjectMapper JSON = TerminalText.JSON;

  /** The ledger attributes worth a line, in the order a send fills them. */
  private static final List<String> LEDGER_FIELDS =
      List.of(
          "state",
          "attempts",
          "platformMessageId",
          "sentAt",
          "lastError",
          "deliveryStatus",
          "deliveryStatusAt",
          "deliveryError");

  private final PrintWriter out;
  private final boolean reveal;

  OrderStoryText(PrintWriter out, boolean reveal) {
    this.out = out;
    this.reveal = reveal;
  }

  void print(OrderStory story) {
    line(
        "Order "
            + (story.orderId() == null ? "?" : story.orderId())
            + "  (asked: "
            + story.asked()
            + ")");
    section("Intake", story.intake(), this::intake);
    section("Route", story.routes(), this::route);
    section("Ledger", story.ledger(), OrderStoryText::ledger);
    section("Meta status reports", story.statuses(), OrderStoryText::status);
    section("Dead letters", story.deadLetters(), OrderStoryText::parked);
    section("Replays", story.replays(), OrderStoryText::replay);
    section("Verdict", story.verdicts(), Function.identity());
  }

  private <T> void section(String title, List<T> items, Function<T, String> line) {
    out.println();
    line(title);
    if (items.isEmpty()) {
      line("  none");
    }
    items.forEach(item -> line("  " + line.apply(item)));
  }

  private void line(String text) {
    out.println(TerminalText.line(text));
  }

  private String intake(DeadLetter record) {
    if (record.kind() == SourceKind.REJECTED) {
      return record.timestamp()
          + "  rejected  "
          + record.at()
          + "  "
          + record.code()
          + ": "
          + record.message();
    }
    return record.timestamp()
        + "  accepted  "
        + record.at()
        + "  buyer "
        + record.buyerId()
        + ", "
        + money(record.value().field("currency"), record.value().field("totalMinor"))
        + ", "
        + record.value().tree().path("items").size()
        + " item(s)";
  }

  /** {@code NGN 1,380,000.00}: minor units in the currency's own decimals. */
  static String money(String currency, String minor) {
    try {
      int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
      BigDecimal amount = new BigDecimal(new BigInteger(minor), digits);
      return currency + " " + String.format(Locale.ROOT, "%,." + digits + "f", amount);
    } catch (RuntimeException e) {
      return currency + " " + minor + " (minor units)"; // not an ISO code: intake refuses those
    }
  }

  private String route(DeadLetter record) {
    boolean window = "true".equals(record.value().field("insideServiceWindow"));
    String recipient = record.value().field(Recipients.FIELD);
    return record.timestamp()
        + "  "
        + record.platform()
        + "  "
        + record.at()
        + "  notification "
        + record.value().field("notificationId")
        + " to "
        + (reveal || recipient == null ? recipient : Redact.phone(recipient))
        + (window ? ", free text (inside the 24-hour window)" : ", outside the 24-hour window");
  }

  private static String ledger(LedgerEntry entry) {
    if (entry.attributes().isEmpty()) {
      return entry.notificationId() + "  no ledger entry";
    }
    StringBuilder text = new StringBuilder(entry.notificationId());
    for (String name : LEDGER_FIELDS) {
      if (entry.get(name) != null) {
        text.append("  ").append(name).append('=').append(entry.get(name));
      }
    }
    return text.toString();
  }

  private static String status(DeadLetter record) {
    JsonNode errors = record.value().tree().path("errors");
    StringBuilder text =
        new StringBuilder()
            .append(OrderStoryReader.occurredAt(record))
            .append("  ")
            .append(record.value().field("messageId"))
            .append("  ")
            .append(record.value().field("status"));
    for (JsonNode error : errors) {
      text.append("  ")
          .append(error.path("code").asText())
          .append(' ')
          .append(error.path("title").asText());
    }
    return text.toString();
  }

  private static String parked(DeadLetter letter) {
    return letter.timestamp()
        + "  "
        + letter.at()
        + "  "
        + letter.errorClass()
        + " "
        + (letter.code() == null ? "" : letter.code() + " ")
        + letter.message()
        + "  (replays: "
        + letter.replays()
        + ")";
  }

  private static String replay(Replay replay) {
    return replay.finishedAt()
        + "  run "
        + replay.runId()
        + " by "
        + replay.operator()
        + ": "
        + replay.from()
        + " -> "
        + replay.to()
        + (replay.reason() == null ? "" : "  (" + replay.reason() + ")");
  }

  static String json(OrderStory story, boolean reveal) {
    ObjectNode root =
        JSON.createObjectNode().put("asked", story.asked()).put("orderId", story.orderId());
    records(root.putArray("intake"), story.intake(), reveal);
    records(root.putArray("routes"), story.routes(), reveal);
    ArrayNode ledger = root.putArray("ledger");
    story
        .ledger()
        .forEach(
            e ->
                ledger
                    .addObject()
                    .put("notificationId", e.notificationId())
                    .set("attributes", JSON.valueToTree(e.attributes())));
    records(root.putArray("statuses"), story.statuses(), reveal);
    ArrayNode parked = root.putArray("deadLetters");
    story.deadLetters().forEach(letter -> parked.add(JSON.valueToTree(LetterFields.of(letter))));
    ArrayNode replays = root.putArray("replays");
    for (Replay replay : story.replays()) {
      replays
          .addObject()
          .put("runId", replay.runId())
          .put("operator", replay.operator())
          .put("reason", replay.reason())
          .put("finishedAt", replay.finishedAt().toString())
          .put("from", replay.from())
          .put("to", replay.to());
    }
    root.set("verdicts", JSON.valueToTree(story.verdicts()));
    return root.toString();
  }

  private static void records(ArrayNode array, List<DeadLetter> records, boolean reveal) {
    for (DeadLetter record : records) {
      JsonNode value = record.value().tree();
      array
          .addObject()
          .put("record", record.at().toString())
          .put("time", record.timestamp().toString())
          .put("kind", record.kind().name())
          .set("value", reveal ? value : masked(value));
    }
  }

  /** The buyer's address masked, under either name a record gives it. */
  private static JsonNode masked(JsonNode value) {
    JsonNode masked = Recipients.masked(value);
    if (masked instanceof ObjectNode object && object.hasNonNull("recipientId")) {
      object = object.deepCopy();
      object.put("recipientId", Redact.phone(object.get("recipientId").asText()));
      return object;
    }
    return masked;
  }
}
