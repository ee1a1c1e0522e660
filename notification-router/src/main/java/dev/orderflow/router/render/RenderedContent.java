package dev.orderflow.router.render;

import dev.orderflow.schema.WhatsAppTemplate;

/**
 * What a buyer will read.
 *
 * @param localeTag the BCP-47 tag the text was rendered in
 * @param template the WhatsApp template to send outside the 24 h window, null on other platforms
 */
public record RenderedContent(String localeTag, String text, WhatsAppTemplate template) {}
