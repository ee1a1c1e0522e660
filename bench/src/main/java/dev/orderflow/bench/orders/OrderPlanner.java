package dev.orderflow.bench.orders;

import dev.orderflow.bench.orders.IntakeJson.Line;
import dev.orderflow.devservers.meta.Platform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plans a run: {@code count} orders drawn from a mix, each deliverable or unroutable one with a
 * buyer of its own (so neither Meta's per-recipient limit nor the sender's pace serialises them),
 * order ids unique to the run, and JSON values padded towards a payload size.
 */
public final class OrderPlanner {
  static final List<String> VENDORS =
      List.of("vendor-lagos-gadgets", "vendor-abuja-fabrics", "vendor-kano-foods");
  private static final List<String> NAMES =
      List.of(
          "Chiamaka",
          "Tunde",
          "Ngozi",
          "Emeka",
          "Aisha",
          "Bola",
          "Ifeoma",
          "Musa",
          "Zainab",
          "Segun",
          "Kemi",
          "Obinna");
  private static final int MAX_ITEMS = 100;
  private static final int MAX_NOTE = 500;

  private final String runId;
  private final OrderMix mix;
  private final int payloadBytes;
  private final Random random;
  private final Clock clock;
  private final long phoneSalt;
  private final Map<OrderKind, List<BuyerProfile>> pools = new EnumMap<>(OrderKind.class);
  private final Map<OrderKind, Integer> nextInPool = new EnumMap<>(OrderKind.class);
  private int poolSize;

  /**
   * @param runId letters and digits naming the run; it prefixes every id the plan makes
   * @param payloadBytes the JSON size to pad towards (orders are never cut below their content)
   */
  public OrderPlanner(String runId, OrderMix mix, int payloadBytes, long seed, Clock clock) {
    if (!runId.matches("[A-Za-z0-9]{1,24}")) {
      throw new IllegalArgumentException("runId: expected 1-24 letters or digits, got " + runId);
    }
    this.runId = runId;
    this.mix = mix;
    this.payloadBytes = payloadBytes;
    this.random = new Random(seed);
    this.clock = clock;
    this.phoneSalt = Math.floorMod(runId.hashCode(), 90_000_000L);
  }

  /**
   * Orders go to {@code size} buyers in turn instead of one buyer each, split between the kinds as
   * the mix is: what a long benchmark needs (seeding is slow), and what warms the router's cache.
   * Each buyer gets an order every {@code size} orders, so keep {@code size / rate} above Meta's 6
   * s per-recipient interval.
   */
  public OrderPlanner withBuyerPool(int size) {
    this.poolSize = size;
    return this;
  }

  public RunPlan plan(int count) {
    List<BuyerProfile> buyers = new ArrayList<>();
    if (poolSize > 0) {
      fillPools(buyers);
    }
    List<PlannedOrder> orders = new ArrayList<>(count);
    for (int seq = 0; seq < count; seq++) {
      orders.add(order(seq, mix.pick(random.nextDouble()), buyers));
    }
    return new RunPlan(runId, buyers, orders);
  }

  private PlannedOrder order(int seq, OrderKind kind, List<BuyerProfile> buyers) {
    String vendorId = VENDORS.get(seq % VENDORS.size());
    String vendorOrderId = runId + "-" + seq;
    BuyerProfile buyer;
    if (poolSize > 0 && pools.containsKey(kind)) {
      List<BuyerProfile> pool = pools.get(kind);
      buyer = pool.get(nextInPool.merge(kind, 1, Integer::sum) % pool.size());
    } else {
      buyer = buyer("b-" + runId + "-" + seq, seq, kind);
      if (buyer != null) {
        buyers.add(buyer);
      }
    }
    String buyerId = buyer == null ? "b-" + runId + "-" + seq : buyer.buyerId();
    List<Line> lines = lines();
    long total = IntakeJson.sum(lines);
    Expectation expected = expectation(kind, buyer, total);
    byte[] json =
        kind == OrderKind.INVALID
            ? invalid(seq, vendorId, vendorOrderId, buyerId, lines, total)
            : padded(vendorId, vendorOrderId, buyerId, lines);
    return new PlannedOrder(vendorId, vendorOrderId, buyerId, json, expected);
  }

  private BuyerProfile buyer(String buyerId, int seq, OrderKind kind) {
    String name = NAMES.get(random.nextInt(NAMES.size()));
    String locale = random.nextInt(10) < 3 ? "pcm" : "en";
    BuyerProfile whatsapp = BuyerProfile.whatsapp(buyerId, phone(seq), name, locale);
    return switch (kind) {
      case WHATSAPP -> whatsapp;
      case INSTAGRAM -> BuyerProfile.instagram(buyerId, scopedId(seq), name, locale);
      case OPTED_OUT -> whatsapp.optOut();
      case NO_PLATFORM -> whatsapp.withoutPlatform();
      case INVALID, UNKNOWN_BUYER -> null;
    };
  }

  /** Buyers for the kinds that need one, in proportion to the mix (at least one each). */
  private void fillPools(List<BuyerProfile> buyers) {
    double[] shares = {mix.whatsapp(), mix.instagram(), 0, 0, mix.optedOut(), mix.noPlatform()};
    int seq = 1_000_000;
    for (OrderKind kind : OrderKind.values()) {
      if (shares[kind.ordinal()] <= 0) {
        continue;
      }
      int size = Math.max(1, (int) Math.round(poolSize * shares[kind.ordinal()]));
      List<BuyerProfile> pool = new ArrayList<>(size);
      for (int i = 0; i < size; i++, seq++) {
        pool.add(buyer("p-" + runId + "-" + seq, seq, kind));
      }
      pools.put(kind, pool);
      buyers.addAll(pool);
    }
  }

  private static Expectation expectation(OrderKind kind, BuyerProfile buyer, long total) {
    return switch (kind) {
      case WHATSAPP ->
          new Expectation.Delivered(Platform.WHATSAPP, buyer.whatsappPhone().substring(1), total);
      case INSTAGRAM ->
          new Expectation.Delivered(Platform.INSTAGRAM, buyer.instagramScopedId(), total);
      case INVALID -> new Expectation.Rejected();
      case UNKNOWN_BUYER -> new Expectation.Unroutable("UNKNOWN_BUYER");
      case OPTED_OUT -> new Expectation.Unroutable("OPTED_OUT");
      case NO_PLATFORM -> new Expectation.Unroutable("NO_PLATFORM");
    };
  }

  /** +234 80x xxx xxxx, unique within the run. */
  String phone(int seq) {
    return "+23480" + String.format("%08d", (phoneSalt + seq) % 100_000_000L);
  }

  /** A numeric Instagram-scoped id, unique within the run. */
  String scopedId(int seq) {
    return "17" + String.format("%015d", phoneSalt * 1_000_000L + seq);
  }

  private List<Line> lines() {
    List<CatalogItem> catalog = CatalogItem.CATALOG;
    int count = 1 + random.nextInt(3);
    List<Line> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(Line.of(catalog.get(random.nextInt(catalog.size())), 1 + random.nextInt(3)));
    }
    return lines;
  }

  private byte[] padded(String vendorId, String orderId, String buyerId, List<Line> lines) {
    List<Line> all = new ArrayList<>(lines);
    byte[] json = write(vendorId, orderId, buyerId, all, IntakeJson.sum(all), null);
    while (payloadBytes - json.length > MAX_NOTE + 40 && all.size() < MAX_ITEMS) {
      all.add(Line.of(CatalogItem.CATALOG.get(all.size() % CatalogItem.CATALOG.size()), 1));
      json = write(vendorId, orderId, buyerId, all, IntakeJson.sum(all), null);
    }
    int gap = payloadBytes - json.length - 12;
    if (gap <= 0) {
      return json;
    }
    String note = "Call on arrival. ".repeat(MAX_NOTE / 17 + 1).substring(0, Math.min(gap, 500));
    return write(vendorId, orderId, buyerId, all, IntakeJson.sum(all), note.strip());
  }

  /** Rotates through three ways to get an order refused. */
  private byte[] invalid(
      int seq, String vendorId, String orderId, String buyerId, List<Line> lines, long total) {
    return switch (seq % 3) {
      case 0 -> write(vendorId, orderId, buyerId, lines, total + 100, null);
      case 1 ->
          IntakeJson.write(vendorId, orderId, buyerId, "XYZ", lines, total, clock.instant(), null);
      default -> {
        List<Line> zero = new ArrayList<>(lines);
        Line first = zero.get(0);
        zero.set(0, new Line(first.sku(), first.name(), 0, first.unitPriceMinor()));
        yield write(vendorId, orderId, buyerId, zero, IntakeJson.sum(zero), null);
      }
    };
  }

  private byte[] write(
      String vendorId, String orderId, String buyerId, List<Line> lines, long total, String note) {
    return IntakeJson.write(vendorId, orderId, buyerId, "NGN", lines, total, clock.instant(), note);
  }
}
