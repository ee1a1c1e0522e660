package dev.orderflow.router.render;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.schema.OrderCreated;

/** Instagram takes free text only, at most {@code instagramMaxBytes} UTF-8 bytes. */
public final class InstagramRenderer implements ContentRenderer {
  private final RenderSettings settings;

  public InstagramRenderer(RenderSettings settings) {
    this.settings = settings;
  }

  @Override
  public RenderedContent render(OrderCreated order, Buyer buyer) {
    Messages messages = Messages.forLocale(buyer.locale());
    String text =
        OrderText.render(messages, buyer.displayName(), order, settings.instagramMaxBytes());
    return new RenderedContent(messages.tag(), text, null);
  }
}
