package dev.orderflow.bench.demo;

import dev.orderflow.bench.observe.TopicScan;
import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.TopicNames;
import dev.orderflow.devservers.meta.DeliveredMessage;
import dev.orderflow.devservers.meta.InboundRequest;
import dev.orderflow.devservers.meta.InboundResult;
import dev.orderflow.devservers.meta.MetaSimulatorClient;
import dev.orderflow.devservers.meta.Platform;
import dev.orderflow.devservers.meta.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What happens after the send, seen from outside: the simulated Meta posts each message's signed
 * status webhooks (sent, delivered, read) to meta-webhooks, the senders apply them to their ledger,
 * and a buyer's reply lands on {@code buyer.inbound.v1}. The ledger item is read as an operator
 * would (the senders' ledger layout: WhatsApp names the notification in {@code
 * biz_opaque_callback_data}, Instagram through the {@code message#<mid>} index item).
 */
final class AfterTheSend {
  private static final Duration POLL = Duration.ofMillis(500);

  private final MetaSimulatorClient meta;
  private final DynamoDbClient dynamo;
  private final String ledgerTable;
  private final String bootstrapServers;
  private final DemoPrinter print;

  AfterTheSend(
      MetaSimulatorClient meta,
      DynamoDbClient dynamo,
      String ledgerTable,
      String bootstrapServers,
      DemoPrinter print) {
    this.meta = meta;
    this.dynamo = dynamo;
    this.ledgerTable = ledgerTable;
    this.bootstrapServers = bootstrapServers;
    this.print = print;
  }

  /**
   * Points the simulator's webhooks at meta-webhooks (before the orders, so every send has them).
   */
  void callWebhooksAt(String url) {
    meta.updateWebhooks(w -> w.withUrl(url));
  }

  /**
   * Prints, for each message, the webhooks Meta posted and the ledger's delivery status once it is
   * READ (or the timeout passed). True when every message's ledger entry reached READ.
   */
  boolean statuses(List<DeliveredMessage> messages, Duration timeout) {
    print.heading(
        "Delivery statuses: Meta's webhooks → meta-webhooks → notify.status.v1 → the ledger ("
            + ledgerTable
            + ")");
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean allRead = true;
    for (DeliveredMessage message : messages) {
      Map<String, AttributeValue> entry = awaitRead(message, deadline);
      String posted =
          meta.webhookDeliveries(message.id()).stream()
              .filter(d -> "status".equals(d.kind()))
              .map(d -> d.event() + "→" + d.httpStatus())
              .collect(Collectors.joining(", "));
      String status = text(entry, "deliveryStatus");
      print.line(
          "%s %s  Meta posted [%s]".formatted(message.platform().wireName(), message.id(), posted));
      print.line(
          "    ledger: notification %s  state %s  delivery %s at %s"
              .formatted(
                  text(entry, "notificationId"),
                  text(entry, "state"),
                  status,
                  entry.containsKey("deliveryStatusAt")
                      ? Instant.ofEpochMilli(Long.parseLong(entry.get("deliveryStatusAt").n()))
                      : "-"));
      allRead &= "READ".equals(status);
    }
    if (!allRead) {
      print.line(
          "not every message reached READ in the ledger within " + timeout.toSeconds() + " s");
    }
    return allRead;
  }

  /**
   * A buyer writes to the business (the simulator's {@code POST /_sim/inbound}); prints the
   * webhook's answer and the record meta-webhooks wrote to {@code buyer.inbound.v1}. True when it
   * is there.
   */
  boolean inbound(Platform platform, String from, String text, Duration timeout) {
    print.heading(
        "A buyer writes back: POST /_sim/inbound → meta-webhooks → " + TopicNames.BUYER_INBOUND);
    InboundResult result = meta.sendInbound(InboundRequest.text(platform, from, text));
    WebhookDelivery delivery = result.delivery();
    print.line(
        "%s from %s: \"%s\"  webhook answered %d"
            .formatted(platform.wireName(), from, text, delivery.httpStatus()));
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<ConsumerRecord<byte[], byte[]>> record = Optional.empty();
    while (record.isEmpty() && System.nanoTime() < deadline) {
      record = inboundRecord(from);
      if (record.isEmpty()) {
        LockSupport.parkNanos(POLL.toNanos());
      }
    }
    record.ifPresentOrElse(
        r ->
            print.line(
                "    %s partition %d offset %d  key %s  %s"
                    .formatted(
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        new String(r.key(), StandardCharsets.UTF_8),
                        headers(r))),
        () ->
            print.line(
                "    not on "
                    + TopicNames.BUYER_INBOUND
                    + " within "
                    + timeout.toSeconds()
                    + " s"));
    return record.isPresent();
  }

  private Optional<ConsumerRecord<byte[], byte[]>> inboundRecord(String from) {
    List<ConsumerRecord<byte[], byte[]>> records =
        TopicScan.all(bootstrapServers, TopicNames.BUYER_INBOUND);
    for (int i = records.size() - 1; i >= 0; i--) {
      ConsumerRecord<byte[], byte[]> r = records.get(i);
      if (r.key() != null && from.equals(new String(r.key(), StandardCharsets.UTF_8))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private Map<String, AttributeValue> awaitRead(DeliveredMessage message, long deadline) {
    while (true) {
      String notificationId = notificationOf(message);
      Map<String, AttributeValue> entry = notificationId == null ? Map.of() : item(notificationId);
      if ("READ".equals(text(entry, "deliveryStatus")) || System.nanoTime() > deadline) {
        return entry;
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  private String notificationOf(DeliveredMessage message) {
    if (message.bizOpaqueCallbackData() != null) {
      return message.bizOpaqueCallbackData();
    }
    String forNotification = text(item("message#" + message.id()), "forNotification");
    return forNotification.equals("-") ? null : forNotification;
  }

  private Map<String, AttributeValue> item(String notificationId) {
    return dynamo
        .getItem(
            b ->
                b.tableName(ledgerTable)
                    .key(Map.of("notificationId", AttributeValue.fromS(notificationId)))
                    .consistentRead(true))
        .item();
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "-" : value.s();
  }

  /** The headers a person reads (webhook.received-at is a binary long, left out). */
  private static String headers(ConsumerRecord<byte[], byte[]> record) {
    return java.util.stream.Stream.of(HeaderNames.CORRELATION_ID, HeaderNames.WEBHOOK_OBJECT)
        .map(
            name ->
                Optional.ofNullable(record.headers().lastHeader(name))
                    .map(h -> name + "=" + new String(h.value(), StandardCharsets.UTF_8)))
        .flatMap(Optional::stream)
        .collect(Collectors.joining("  "));
  }
}
