package dev.orderflow.router.render;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.schema.OrderCreated;

/** Renders an order for one platform, in the buyer's language. */
public interface ContentRenderer {

  RenderedContent render(OrderCreated order, Buyer buyer);
}
