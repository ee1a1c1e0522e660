package dev.orderflow.router.render;

import dev.orderflow.router.buyer.Buyer;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.WhatsAppTemplate;

/**
 * WhatsApp gets the approved template (the only thing that may be sent outside the 24 h window)
 * plus the free text in the buyer's language for when the window is open. The template parameters
 * are rendered in the template's language, so a Pidgin reader of an English template sees English
 * parameters rather than a mix.
 */
public final class WhatsAppRenderer implements ContentRenderer {
  private final RenderSettings settings;

  public WhatsAppRenderer(RenderSettings settings) {
    this.settings = settings;
  }

  @Override
  public RenderedContent render(OrderCreated order, Buyer buyer) {
    Messages messages = Messages.forLocale(buyer.locale());
    String templateLanguage = settings.templateLanguage(messages.language());
    WhatsAppTemplate template =
        new WhatsAppTemplate(
            settings.templateName(),
            templateLanguage,
            TemplateParameters.render(
                Messages.forLocale(templateLanguage), buyer.displayName(), order));
    String text =
        OrderText.render(messages, buyer.displayName(), order, settings.whatsappTextMaxBytes());
    return new RenderedContent(messages.tag(), text, template);
  }
}
