package dev.orderflow.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.ops.dlq.OrderStory.LedgerEntry;
import dev.orderflow.ops.dlq.OrderStory.Replay;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assembles an {@link OrderStory} from the topics and the ledger. Every topic is read whole from
 * {@code --since} and matched on decoded values: no topic has an order-id header, and a key-based
 * partition guess would miss records whose producer partitions differently (or a topic whose
 * partition count grew). On a busy cluster the operator bounds the scan with {@code --since}.
 */
final class OrderStoryReader {
  /** Epoch milliseconds since 2001; the TTL attribute ({@code expiresAt}) is in seconds. */
  private static final Pattern MILLIS = Pattern.compile("\\d{13}");

  private final DeadLetterScanner scanner;
  private final Set<String> existingTopics;
  private final Function<String, Map<String, String>> ledger;
  private final OrderStoryTopics topics;
  private final Filters window;

  /**
   * @param ledger a notification id's ledger attributes as text, empty when it has no entry
   */
  OrderStoryReader(
      DeadLetterScanner scanner,
      Set<String> existingTopics,
      Function<String, Map<String, String>> ledger,
      OrderStoryTopics topics,
      Instant since) {
    this.scanner = scanner;
    this.existingTopics = Set.copyOf(existingTopics);
    this.ledger = ledger;
    this.topics = topics;
    this.window = Filters.since(since);
  }

  OrderStory read(String asked) {
    List<DeadLetter> intake =
        scan(
            List.of(topics.created(), topics.rejected()),
            r -> asked.equals(r.orderId()) || asked.equals(r.value().field("vendorOrderId")));
    String orderId = orderId(asked, intake);
    if (orderId == null) {
      return new OrderStory(
          asked, null, intake, List.of(), List.of(), List.of(), List.of(), List.of());
    }
    intake = intake.stream().filter(r -> orderId.equals(r.orderId())).toList();
    List<DeadLetter> routes = scan(topics.routed(), r -> orderId.equals(r.orderId()));
    List<DeadLetter> parked = scan(topics.deadLetters(), r -> orderId.equals(r.orderId()));

    Set<String> notificationIds = new LinkedHashSet<>();
    Stream.concat(routes.stream(), parked.stream())
        .map(r -> r.value().field("notificationId"))
        .filter(Objects::nonNull)
        .forEach(notificationIds::add);
    List<LedgerEntry> entries =
        notificationIds.stream()
            .map(id -> new LedgerEntry(id, readable(ledger.apply(id))))
            .toList();

    Set<String> messageIds = new TreeSet<>();
    entries.stream()
        .map(e -> e.get("platformMessageId"))
        .filter(Objects::nonNull)
        .forEach(messageIds::add);
    List<DeadLetter> statuses =
        scan(
            List.of(topics.status()),
            r ->
                messageIds.contains(r.value().field("messageId"))
                    || notificationIds.contains(r.value().field("bizOpaqueCallbackData")));
    statuses =
        statuses.stream().sorted(Comparator.comparing(OrderStoryReader::occurredAt)).toList();
    return new OrderStory(
        asked, orderId, intake, routes, entries, statuses, parked, replays(parked));
  }

  /**
   * The ledger's times (epoch milliseconds, {@code sentAt}, {@code deliveryStatusAt}…) as instants.
   */
  private static Map<String, String> readable(Map<String, String> attributes) {
    Map<String, String> readable = new TreeMap<>(attributes);
    readable.replaceAll(
        (name, value) ->
            (name.endsWith("At") || name.endsWith("Until")) && MILLIS.matcher(value).matches()
                ? Instant.ofEpochMilli(Long.parseLong(value)).toString()
                : value);
    return readable;
  }

  /** The one order the words name; a vendor order id that several vendors used is refused. */
  private static String orderId(String asked, List<DeadLetter> intake) {
    Set<String> found = new TreeSet<>();
    intake.stream().map(DeadLetter::orderId).filter(Objects::nonNull).forEach(found::add);
    if (found.size() > 1) {
      throw DlqException.usage(
          "vendor order id "
              + asked
              + " names "
              + found.size()
              + " orders "
              + found
              + "; give the order id (vendorId:vendorOrderId)");
    }
    if (found.isEmpty()) {
      // An order id with no intake record left in the log may still have notifications.
      return asked.contains(":") ? asked : null;
    }
    return found.iterator().next();
  }

  /** The audit's replay-finished events that moved one of these dead letters. */
  private List<Replay> replays(List<DeadLetter> parked) {
    if (parked.isEmpty()) {
      return List.of();
    }
    Set<String> coordinates = new TreeSet<>();
    parked.forEach(letter -> coordinates.add(letter.at().toString()));
    List<Replay> replays = new ArrayList<>();
    scan(List.of(topics.audit()), r -> "replay-finished".equals(r.value().field("event")))
        .forEach(
            event -> {
              JsonNode tree = event.value().tree();
              for (JsonNode moved : tree.path("replayed")) {
                String from = moved.path("from").asText();
                if (coordinates.contains(from)) {
                  replays.add(
                      new Replay(
                          tree.path("runId").asText(),
                          tree.path("operator").asText(null),
                          tree.path("reason").asText(null),
                          instant(tree.path("finishedAt").asText(null), event.timestamp()),
                          from,
                          moved.path("to").asText(null)));
                }
              }
            });
    return replays;
  }

  private List<DeadLetter> scan(List<String> wanted, Predicate<DeadLetter> matches) {
    List<String> present = wanted.stream().filter(existingTopics::contains).distinct().toList();
    List<DeadLetter> found = new ArrayList<>();
    if (present.isEmpty()) {
      return found;
    }
    Selection selection = new Selection(present, ScanRange.all(), window, 0, 0, List.of());
    scanner.scan(
        selection,
        present,
        record -> {
          if (matches.test(record)) {
            found.add(record);
          }
          return true;
        },
        ScanProgress.NONE);
    return found;
  }

  /** When Meta says the status happened (epoch millis in the Avro record), else when it landed. */
  static Instant occurredAt(DeadLetter status) {
    String at = status.value().field("occurredAt");
    return instant(at, status.timestamp());
  }

  private static Instant instant(String text, Instant otherwise) {
    if (text == null) {
      return otherwise;
    }
    try {
      return text.chars().allMatch(Character::isDigit)
          ? Instant.ofEpochMilli(Long.parseLong(text))
          : Instant.parse(text);
    } catch (DateTimeParseException | NumberFormatException e) {
      return otherwise;
    }
  }
}
