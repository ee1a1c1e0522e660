package dev.orderflow.bench.demo;

import dev.orderflow.bench.orders.BuyerProfile;
import dev.orderflow.bench.orders.CatalogItem;
import dev.orderflow.bench.orders.Expectation;
import dev.orderflow.bench.orders.IntakeJson;
import dev.orderflow.bench.orders.IntakeJson.Line;
import dev.orderflow.bench.orders.PlannedOrder;
import dev.orderflow.bench.orders.RunPlan;
import dev.orderflow.devservers.meta.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's buyers (fixed ids, so seeding again just overwrites them) and its orders (ids unique
 * to the run, so running the demo twice makes new orders rather than duplicates): the iPhone 15 Pro
 * + AirPods Pro order for an Instagram and a WhatsApp buyer, one invalid order, and orders for an
 * unknown, an opted-out and a platform-less buyer.
 */
public final class DemoScenario {
  static final String VENDOR = "vendor-lagos-gadgets";
  static final BuyerProfile CHIAMAKA =
      BuyerProfile.whatsapp("demo-buyer-chiamaka", "+2348031234567", "Chiamaka", "en");
  static final BuyerProfile TUNDE =
      BuyerProfile.instagram("demo-buyer-tunde", "17841400000012345", "Tunde", "pcm");
  static final BuyerProfile NGOZI =
      BuyerProfile.whatsapp("demo-buyer-ngozi", "+2348059876543", "Ngozi", "en").optOut();
  static final BuyerProfile EMEKA =
      BuyerProfile.whatsapp("demo-buyer-emeka", "+2348021112222", "Emeka", "en").withoutPlatform();
  static final String UNKNOWN_BUYER = "demo-buyer-nobody";

  private DemoScenario() {}

  public static List<BuyerProfile> buyers() {
    return List.of(CHIAMAKA, TUNDE, NGOZI, EMEKA);
  }

  public static RunPlan plan(String runId, Instant now) {
    List<Line> phoneAndPods =
        List.of(Line.of(CatalogItem.IPHONE_15_PRO, 1), Line.of(CatalogItem.AIRPODS_PRO, 1));
    long total = IntakeJson.sum(phoneAndPods); // 138,000,000 kobo = ₦1,380,000
    List<PlannedOrder> orders = new ArrayList<>();
    orders.add(
        order(
            runId,
            1,
            TUNDE.buyerId(),
            phoneAndPods,
            total,
            "NGN",
            now,
            new Expectation.Delivered(Platform.INSTAGRAM, TUNDE.instagramScopedId(), total)));
    orders.add(
        order(
            runId,
            2,
            CHIAMAKA.buyerId(),
            phoneAndPods,
            total,
            "NGN",
            now,
            new Expectation.Delivered(
                Platform.WHATSAPP, CHIAMAKA.whatsappPhone().substring(1), total)));
    // Invalid twice over: the total is not the sum of the lines, and the currency is unknown.
    orders.add(
        order(
            runId,
            3,
            CHIAMAKA.buyerId(),
            phoneAndPods,
            total - 1_000_000,
            "NGX",
            now,
            new Expectation.Rejected()));
    orders.add(
        order(
            runId,
            4,
            UNKNOWN_BUYER,
            phoneAndPods,
            total,
            "NGN",
            now,
            new Expectation.Unroutable("UNKNOWN_BUYER")));
    orders.add(
        order(
            runId,
            5,
            NGOZI.buyerId(),
            phoneAndPods,
            total,
            "NGN",
            now,
            new Expectation.Unroutable("OPTED_OUT")));
    orders.add(
        order(
            runId,
            6,
            EMEKA.buyerId(),
            phoneAndPods,
            total,
            "NGN",
            now,
            new Expectation.Unroutable("NO_PLATFORM")));
    return new RunPlan(runId, buyers(), orders);
  }

  private static PlannedOrder order(
      String runId,
      int n,
      String buyerId,
      List<Line> lines,
      long total,
      String currency,
      Instant now,
      Expectation expected) {
    String orderId = "DEMO-" + runId + "-" + n;
    byte[] json =
        IntakeJson.write(
            VENDOR, orderId, buyerId, currency, lines, total, now, "Delivery to Lekki Phase 1");
    return new PlannedOrder(VENDOR, orderId, buyerId, json, expected);
  }
}
