package dev.orderflow.router.render;

import dev.orderflow.common.config.ConfigException;
import java.util.Map;

/**
 * How content is rendered per platform.
 *
 * @param templateName the approved WhatsApp template for order confirmations
 * @param templateLanguages rendering language (e.g. {@code pcm}) to the template language code
 *     approved for it (e.g. {@code en}); languages not listed use {@code defaultTemplateLanguage}
 * @param instagramMaxBytes Instagram's limit on a text message, in UTF-8 bytes
 * @param whatsappTextMaxBytes budget for the WhatsApp free text (sent only inside the 24 h window)
 */
public record RenderSettings(
    String templateName,
    Map<String, String> templateLanguages,
    String defaultTemplateLanguage,
    int instagramMaxBytes,
    int whatsappTextMaxBytes) {

  public RenderSettings {
    if (templateName == null || templateName.isBlank()) {
      throw new ConfigException("whatsapp.template.name", "a template name", templateName);
    }
    if (defaultTemplateLanguage == null || defaultTemplateLanguage.isBlank()) {
      throw new ConfigException(
          "whatsapp.template.default-language", "a language code", defaultTemplateLanguage);
    }
    templateLanguages = Map.copyOf(templateLanguages);
    if (instagramMaxBytes < 200) {
      throw new ConfigException(
          "render.instagram.max-bytes", ">= 200", String.valueOf(instagramMaxBytes));
    }
    if (whatsappTextMaxBytes < 200) {
      throw new ConfigException(
          "render.whatsapp.max-bytes", ">= 200", String.valueOf(whatsappTextMaxBytes));
    }
  }

  public static RenderSettings defaults() {
    return new RenderSettings(
        "order_confirmation", Map.of("en", "en", "pcm", "en"), "en", 1000, 4096);
  }

  String templateLanguage(String renderLanguage) {
    return templateLanguages.getOrDefault(renderLanguage, defaultTemplateLanguage);
  }
}
