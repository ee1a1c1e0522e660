package dev.orderflow.router.route;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.router.buyer.BuyerLookup;
import dev.orderflow.router.render.ContentRenderer;
import dev.orderflow.router.render.Money;
import dev.orderflow.router.render.RenderSettings;
import dev.orderflow.router.render.RenderedContent;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.OrderCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Decides, without side effects, where an order goes once its buyer lookup is answered. */
public final class RouteDecider {
  /**
   * Meta's customer-service window: free-form messages are allowed for 24 hours after the buyer's
   * last message. Measured from the order's routing time; a notification that reaches Meta after
   * the window closed is refused with 131047 and the WhatsApp sender falls back to the template.
   */
  public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

  private final Map<Channel, ContentRenderer> renderers = new EnumMap<>(Channel.class);

  public RouteDecider(RenderSettings settings) {
    for (Channel channel : Channel.values()) {
      renderers.put(channel, channel.renderer(settings));
    }
  }

  /**
   * Throws now, rather than later, for what makes an order unrenderable whoever the buyer is:
   * amounts too large for Meta's {@code amount_1000} or for a line total.
   *
   * @throws ArithmeticException naming nothing personal
   */
  public void checkRenderable(OrderCreated order) {
    new Money(order.getTotalMinor(), order.getCurrency()).amount1000();
    order
        .getItems()
        .forEach(i -> Math.multiplyExact(i.getUnitPriceMinor(), (long) i.getQuantity()));
  }

  public Route decide(OrderCreated order, BuyerLookup lookup, Instant requestedAt) {
    return switch (lookup) {
      case BuyerLookup.Unknown unknown ->
          new Route.Unroutable(
              UnroutableReason.UNKNOWN_BUYER,
              "no buyer " + unknown.buyerId() + " in the directory");
      case BuyerLookup.Found found -> decide(order, found.buyer(), requestedAt);
    };
  }

  private Route decide(OrderCreated order, Buyer buyer, Instant requestedAt) {
    if (buyer.optedOut()) {
      return new Route.Unroutable(UnroutableReason.OPTED_OUT, "buyer opted out of notifications");
    }
    if (buyer.platform() == null) {
      return new Route.Unroutable(UnroutableReason.NO_PLATFORM, "buyer has no platform");
    }
    Optional<Channel> channel = Channel.forPlatform(buyer.platform());
    if (channel.isEmpty()) {
      return new Route.Unroutable(
          UnroutableReason.UNSUPPORTED_PLATFORM,
          "platform " + buyer.platform() + " is not supported");
    }
    String recipient = channel.get().contactOf(buyer);
    if (recipient == null) {
      return new Route.Unroutable(
          UnroutableReason.NO_CONTACT, "buyer has no " + channel.get().contactField());
    }
    if (!channel.get().isValidContact(recipient)) {
      return new Route.Unroutable(
          UnroutableReason.NO_CONTACT, channel.get().contactField() + " is not in a valid form");
    }
    return new Route.ToPlatform(
        channel.get(), notification(order, buyer, channel.get(), recipient, requestedAt));
  }

  /**
   * Whether the buyer wrote to the business less than {@link #SERVICE_WINDOW} before {@code now}.
   */
  static boolean insideServiceWindow(Buyer buyer, Instant now) {
    Instant last = buyer.lastInboundAt();
    return last != null && last.isAfter(now.minus(SERVICE_WINDOW));
  }

  private NotificationRequested notification(
      OrderCreated order, Buyer buyer, Channel channel, String recipient, Instant requestedAt) {
    RenderedContent content = renderers.get(channel).render(order, buyer);
    return NotificationRequested.newBuilder()
        .setNotificationId(order.getOrderId() + ":" + channel.id())
        .setOrderId(order.getOrderId())
        .setBuyerId(buyer.buyerId())
        .setPlatform(channel.platform())
        .setRecipient(recipient)
        .setLocale(content.localeTag())
        .setCurrency(order.getCurrency())
        .setTotalMinor(order.getTotalMinor())
        .setText(content.text())
        .setTemplate(content.template())
        .setInsideServiceWindow(insideServiceWindow(buyer, requestedAt))
        .setCorrelationId(order.getCorrelationId())
        .setRequestedAt(requestedAt)
        .build();
  }
}
