package dev.orderflow.router.topology;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.router.buyer.BuyerDirectory;
import dev.orderflow.router.buyer.BuyerLookup;
import dev.orderflow.router.route.Route;
import dev.orderflow.router.route.RouteDecider;
import dev.orderflow.schema.OrderCreated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks each order's buyer up and forwards the decided route. An order whose buyer is unknown is
 * parked in a state store and looked up again, fresh, once the re-check delay has passed (by
 * wall-clock punctuation), so the stream thread never sleeps for it. A directory outage is thrown
 * (after the directory's own retries): the task then stops and resumes from its last commit.
 */
final class RoutingProcessor
    implements Processor<String, Received<OrderCreated>, String, RoutedOrder> {
  private static final Logger LOGGER = LoggerFactory.getLogger(RoutingProcessor.class);

  private final RouterTopology.Parts parts;
  private final RouteDecider decider;
  private final Deserializer<Received<OrderCreated>> parkedOrderReader;
  private ProcessorContext<String, RoutedOrder> context;
  private KeyValueStore<String, PendingOrder> pending;

  RoutingProcessor(
      RouterTopology.Parts parts,
      RouteDecider decider,
      Deserializer<Received<OrderCreated>> parkedOrderReader) {
    this.parts = parts;
    this.decider = decider;
    this.parkedOrderReader = parkedOrderReader;
  }

  @Override
  public void init(ProcessorContext<String, RoutedOrder> context) {
    this.context = context;
    this.pending = context.getStateStore(RouterTopology.PENDING_STORE);
    context.schedule(
        parts.recheck().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::recheckDue);
  }

  @Override
  public void process(Record<String, Received<OrderCreated>> record) {
    OrderCreated order = record.value().value();
    try (CorrelationIds.Scope scope =
        CorrelationIds.inMdc(correlationId(record.headers(), order))) {
      BuyerDirectory directory = parts.directory();
      BuyerLookup lookup = directory.find(order.getBuyerId());
      if (lookup instanceof BuyerLookup.Unknown) {
        if (!parts.recheck().delay().isZero()) {
          // Fails here, where the dead-letter handler still has the record's bytes.
          decider.checkRenderable(order);
          park(record, order);
          return;
        }
        lookup = directory.findFresh(order.getBuyerId());
      }
      emit(order, record.value().raw(), lookup, record.headers(), record.timestamp());
    }
  }

  private void park(Record<String, Received<OrderCreated>> record, OrderCreated order) {
    long dueAt = context.currentSystemTimeMs() + parts.recheck().delay().toMillis();
    // Offsets are unique per task; zero-padding keeps the store's iteration in arrival order.
    String key =
        context
            .recordMetadata()
            .map(m -> String.format("%019d", m.offset()))
            .orElse(order.getOrderId());
    pending.put(
        key, PendingOrder.of(dueAt, record.timestamp(), record.value().raw(), record.headers()));
    parts.metrics().recheckScheduled();
    LOGGER.info(
        "buyer not found, re-checking later orderId={} buyerId={} delayMs={}",
        order.getOrderId(),
        order.getBuyerId(),
        parts.recheck().delay().toMillis());
  }

  private void recheckDue(long now) {
    List<KeyValue<String, PendingOrder>> due = new ArrayList<>();
    try (KeyValueIterator<String, PendingOrder> all = pending.all()) {
      all.forEachRemaining(
          entry -> {
            if (entry.value.dueAtMs() <= now) {
              due.add(entry);
            }
          });
    }
    for (KeyValue<String, PendingOrder> entry : due) {
      PendingOrder parked = entry.value;
      Headers headers = parked.kafkaHeaders();
      OrderCreated order;
      try {
        order =
            parkedOrderReader
                .deserialize(parts.topics().ordersCreated(), headers, parked.value())
                .value();
      } catch (RuntimeException e) {
        // These bytes were read once already, so this is transient (the registry unreachable
        // after a restart, say): keep the order parked rather than dead-letter it bytes-less.
        LOGGER.warn("parked order unreadable for now key={} error={}", entry.key, e.toString());
        continue;
      }
      BuyerLookup lookup = parts.directory().findFresh(order.getBuyerId());
      emit(order, parked.value(), lookup, headers, parked.timestamp());
      pending.delete(entry.key);
    }
  }

  private void emit(
      OrderCreated order, byte[] raw, BuyerLookup lookup, Headers inHeaders, long timestamp) {
    Headers headers = new RecordHeaders(inHeaders.toArray());
    String correlationId = correlationId(headers, order);
    try (CorrelationIds.Scope scope = CorrelationIds.inMdc(correlationId)) {
      CorrelationIds.put(headers, correlationId);
      Route route =
          decider.decide(order, lookup, Instant.ofEpochMilli(context.currentSystemTimeMs()));
      forward(order, new RoutedOrder(raw, route), headers, timestamp);
    }
  }

  /** The header when the record has one, else the id the order was created with. */
  private static String correlationId(Headers headers, OrderCreated order) {
    return KafkaHeaders.string(headers, HeaderNames.CORRELATION_ID)
        .orElseGet(order::getCorrelationId);
  }

  private void forward(OrderCreated order, RoutedOrder routed, Headers headers, long timestamp) {
    switch (routed.route()) {
      case Route.ToPlatform toPlatform -> {
        parts.metrics().routed(toPlatform.channel());
        context.forward(new Record<>(order.getBuyerId(), routed, timestamp, headers));
      }
      case Route.Unroutable unroutable -> {
        KafkaHeaders.putString(headers, HeaderNames.UNROUTABLE_REASON, unroutable.reason().name());
        KafkaHeaders.putString(headers, HeaderNames.UNROUTABLE_DETAIL, unroutable.detail());
        parts.metrics().unroutable(unroutable.reason());
        LOGGER.info(
            "order unroutable orderId={} buyerId={} reason={}",
            order.getOrderId(),
            order.getBuyerId(),
            unroutable.reason());
        context.forward(new Record<>(order.getOrderId(), routed, timestamp, headers));
      }
    }
  }
}
