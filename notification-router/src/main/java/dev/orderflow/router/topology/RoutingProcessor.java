package dev.orderflow.router.topology;

import dev.orderflow.common.kafka.HeaderNames;
import dev.orderflow.common.kafka.KafkaHeaders;
import dev.orderflow.common.logging.CorrelationIds;
import dev.orderflow.router.buyer.BuyerLookup;
import dev.orderflow.router.route.Route;
import dev.orderflow.router.route.RouteDecider;
import dev.orderflow.schema.OrderCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
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
 * Looks each order's buyer up and forwards the decided route.
 *
 * <p><b>Batched look-ups.</b> An order whose buyer is not in the cache is not looked up alone: it
 * is appended to a bounded batch, and the batch's buyers are looked up together (one {@code
 * BatchGetItem}) when it holds {@link BatchSettings#maxOrders()} orders or when its linger has
 * passed by wall clock. The batch is kept in the changelogged {@value RouterTopology#BATCH_STORE}
 * store (in memory as well, so the normal path decodes nothing twice): under exactly-once a batch
 * forwarded in transaction T was written to the store and consumed in the same transactions, so a
 * crash or a lost task neither loses a buffered order (restored from the changelog, its offset
 * already committed) nor forwards one twice (an aborted transaction takes back the output and the
 * store writes alike). A batch is decided and forwarded in arrival order. While a batch is open,
 * every order joins it, even one whose buyer is cached: an order may go straight through only when
 * nothing is buffered ahead of it, so the partition's order is never changed by the batching.
 *
 * <p><b>Unknown buyers.</b> An order whose buyer is unknown is parked in the {@value
 * RouterTopology#PENDING_STORE} store and looked up again, fresh, once the re-check delay has
 * passed (by wall-clock punctuation, at most {@link BatchSettings#recheckMaxOrders()} per call and
 * in one batch look-up), so the stream thread never sleeps for it.
 *
 * <p>A directory outage is thrown (after the directory's own retries): the task then stops and
 * resumes from its last commit.
 */
final class RoutingProcessor
    implements Processor<String, Received<OrderCreated>, String, RoutedOrder> {
  private static final Logger LOGGER = LoggerFactory.getLogger(RoutingProcessor.class);

  private final RouterTopology.Parts parts;
  private final RouteDecider decider;
  private final Deserializer<Received<OrderCreated>> storedOrderReader;
  private final List<Buffered> batch = new ArrayList<>();
  private ProcessorContext<String, RoutedOrder> context;
  private KeyValueStore<String, PendingOrder> pending;
  private KeyValueStore<String, PendingOrder> batchStore;
  private long fallbackSequence;
  private long batchOpenedAtMs;

  /** A batched order; {@code order} is null for one restored from the store, until decoded. */
  private record Buffered(
      String storeKey, OrderCreated order, byte[] raw, Headers headers, long timestamp) {}

  RoutingProcessor(
      RouterTopology.Parts parts,
      RouteDecider decider,
      Deserializer<Received<OrderCreated>> storedOrderReader) {
    this.parts = parts;
    this.decider = decider;
    this.storedOrderReader = storedOrderReader;
  }

  @Override
  public void init(ProcessorContext<String, RoutedOrder> context) {
    this.context = context;
    this.pending = context.getStateStore(RouterTopology.PENDING_STORE);
    this.batchStore = context.getStateStore(RouterTopology.BATCH_STORE);
    // Called after the stores are restored: a batch open at a crash is picked up where it was.
    try (KeyValueIterator<String, PendingOrder> all = batchStore.all()) {
      all.forEachRemaining(
          e ->
              batch.add(
                  new Buffered(
                      e.key, null, e.value.value(), e.value.kafkaHeaders(), e.value.timestamp())));
    }
    context.schedule(
        parts.recheck().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::recheckDue);
    batchOpenedAtMs = context.currentSystemTimeMs();
    // Checked at half the linger: a batch is flushed once its first order has waited the linger
    // (at most 1.5 lingers), not at every tick, or the stream thread's short process loops
    // (Streams adapts how many records it processes between punctuation checks) would cut it into
    // batches of a few orders each.
    Duration tick = parts.batch().linger().dividedBy(2);
    context.schedule(
        tick.isZero() ? Duration.ofMillis(1) : tick,
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          if (!batch.isEmpty() && now - batchOpenedAtMs >= parts.batch().linger().toMillis()) {
            flush();
          }
        });
  }

  @Override
  public void process(Record<String, Received<OrderCreated>> record) {
    OrderCreated order = record.value().value();
    if (batch.isEmpty()) {
      Optional<BuyerLookup> cached = parts.directory().cached(order.getBuyerId());
      if (cached.isPresent()) {
        route(
            storeKey(),
            order,
            record.value().raw(),
            cached.get(),
            record.headers(),
            record.timestamp());
        return;
      }
    }
    // Fails here, where the dead-letter handler still has the record's bytes.
    decider.checkRenderable(order);
    String key = storeKey();
    if (batch.isEmpty()) {
      batchOpenedAtMs = context.currentSystemTimeMs();
    }
    batchStore.put(
        key, PendingOrder.of(0, record.timestamp(), record.value().raw(), record.headers()));
    batch.add(new Buffered(key, order, record.value().raw(), record.headers(), record.timestamp()));
    if (batch.size() >= parts.batch().maxOrders()) {
      flush();
    }
  }

  /** Looks the batch's buyers up in one call and routes its orders in the order they arrived. */
  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<Buffered> orders = new ArrayList<>(batch.size());
    Set<String> buyerIds = new LinkedHashSet<>();
    for (Buffered buffered : batch) {
      // Only orders restored after a restart need decoding; a registry outage throws here, and the
      // task stops and resumes from its commit with the batch still stored.
      Buffered decoded = buffered.order() != null ? buffered : decode(buffered);
      orders.add(decoded);
      buyerIds.add(decoded.order().getBuyerId());
    }
    Map<String, BuyerLookup> answers = parts.directory().findAll(buyerIds);
    parts.metrics().batchLookedUp(buyerIds.size());
    for (Buffered buffered : orders) {
      route(
          buffered.storeKey(),
          buffered.order(),
          buffered.raw(),
          answers.get(buffered.order().getBuyerId()),
          buffered.headers(),
          buffered.timestamp());
      batchStore.delete(buffered.storeKey());
    }
    batch.clear();
  }

  private Buffered decode(Buffered stored) {
    OrderCreated order =
        storedOrderReader
            .deserialize(parts.topics().ordersCreated().name(), stored.headers(), stored.raw())
            .value();
    return new Buffered(
        stored.storeKey(), order, stored.raw(), stored.headers(), stored.timestamp());
  }

  /**
   * Routes one order, or parks it under {@code parkKey}: its source offset's key, taken when it
   * arrived. (A batch is flushed from a punctuation, where there is no current record: a key made
   * then would not be unique, and a parked order would overwrite another.)
   */
  private void route(
      String parkKey,
      OrderCreated order,
      byte[] raw,
      BuyerLookup lookup,
      Headers headers,
      long ts) {
    if (lookup instanceof BuyerLookup.Unknown) {
      if (!parts.recheck().delay().isZero()) {
        decider.checkRenderable(order);
        park(parkKey, order, raw, headers, ts);
        return;
      }
      lookup = parts.directory().findFresh(order.getBuyerId());
    }
    emit(order, raw, lookup, headers, ts);
  }

  /**
   * Offsets are unique per task (it reads one partition of one topic); zero-padding keeps a store's
   * iteration in arrival order.
   */
  private String storeKey() {
    long position =
        context.recordMetadata().map(m -> m.offset()).orElseGet(() -> fallbackSequence++);
    return zeroPadded(position);
  }

  static String zeroPadded(long offset) {
    String digits = Long.toString(offset);
    return "0".repeat(Math.max(0, 19 - digits.length())) + digits;
  }

  private void park(String key, OrderCreated order, byte[] raw, Headers headers, long timestamp) {
    long dueAt = context.currentSystemTimeMs() + parts.recheck().delay().toMillis();
    pending.put(key, PendingOrder.of(dueAt, timestamp, raw, headers));
    parts.metrics().recheckScheduled();
    LOGGER.info(
        "buyer not found, re-checking later orderId={} buyerId={} delayMs={}",
        order.getOrderId(),
        order.getBuyerId(),
        parts.recheck().delay().toMillis());
  }

  /**
   * Re-checks at most one batch of due orders per call. Orders are parked in arrival order with the
   * same delay, so the first entry not yet due ends the scan: each call costs one batch, not the
   * whole store.
   */
  private void recheckDue(long now) {
    List<KeyValue<String, PendingOrder>> due = new ArrayList<>();
    try (KeyValueIterator<String, PendingOrder> all = pending.all()) {
      while (all.hasNext() && due.size() < parts.batch().recheckMaxOrders()) {
        KeyValue<String, PendingOrder> entry = all.next();
        if (entry.value.dueAtMs() > now) {
          break;
        }
        due.add(entry);
      }
    }
    if (due.isEmpty()) {
      return;
    }
    List<OrderCreated> orders = new ArrayList<>(due.size());
    List<KeyValue<String, PendingOrder>> readable = new ArrayList<>(due.size());
    for (KeyValue<String, PendingOrder> entry : due) {
      PendingOrder parked = entry.value;
      try {
        orders.add(
            storedOrderReader
                .deserialize(
                    parts.topics().ordersCreated().name(), parked.kafkaHeaders(), parked.value())
                .value());
        readable.add(entry);
      } catch (RuntimeException e) {
        // These bytes were read once already, so this is transient (the registry unreachable
        // after a restart, say): keep the order parked rather than dead-letter it bytes-less.
        LOGGER.warn("parked order unreadable for now key={} error={}", entry.key, e.toString());
      }
    }
    if (orders.isEmpty()) {
      return;
    }
    Set<String> buyerIds = new LinkedHashSet<>();
    orders.forEach(o -> buyerIds.add(o.getBuyerId()));
    Map<String, BuyerLookup> answers = parts.directory().findAllFresh(buyerIds);
    for (int i = 0; i < orders.size(); i++) {
      OrderCreated order = orders.get(i);
      PendingOrder parked = readable.get(i).value;
      emit(
          order,
          parked.value(),
          answers.get(order.getBuyerId()),
          parked.kafkaHeaders(),
          parked.timestamp());
      pending.delete(readable.get(i).key);
    }
  }

  private void emit(
      OrderCreated order, byte[] raw, BuyerLookup lookup, Headers headers, long timestamp) {
    // The headers are this record's own (as consumed, or rebuilt from a store) and it is forwarded
    // once, so they are amended in place: the per-record copy showed in the warm path's profile.
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
