package dev.orderflow.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.schema.NotificationRequested;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.WhatsAppTemplate;
import java.util.List;

/** The JSON bodies of the two WhatsApp message shapes the sender uses (template and text). */
final class WhatsAppPayloads {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Meta's limit on biz_opaque_callback_data. */
  static final int MAX_CALLBACK_DATA = 512;

  private WhatsAppPayloads() {}

  /** Free-form text; Meta accepts it only inside the buyer's 24-hour service window. */
  static ObjectNode freeText(NotificationRequested notification) {
    ObjectNode body = envelope(notification, "text");
    body.put("recipient_type", "individual");
    body.putObject("text").put("preview_url", false).put("body", notification.getText());
    return body;
  }

  /**
   * An approved template with its body parameters in order.
   *
   * @throws IllegalArgumentException when the notification has no template or a currency parameter
   *     lacks its code or amount: no send can fix that data
   */
  static ObjectNode template(NotificationRequested notification) {
    WhatsAppTemplate template = notification.getTemplate();
    if (template == null) {
      throw new IllegalArgumentException(
          "no template, and free text is allowed only inside the 24-hour window");
    }
    ObjectNode body = envelope(notification, "template");
    ObjectNode node = body.putObject("template").put("name", template.getName());
    node.putObject("language").put("code", template.getLanguageCode());
    List<TemplateParameter> parameters = template.getParameters();
    if (!parameters.isEmpty()) {
      ObjectNode component = node.putArray("components").addObject().put("type", "body");
      ArrayNode rendered = component.putArray("parameters");
      for (int i = 0; i < parameters.size(); i++) {
        rendered.add(parameter(i + 1, parameters.get(i)));
      }
    }
    return body;
  }

  private static ObjectNode parameter(int position, TemplateParameter parameter) {
    ObjectNode node = NODES.objectNode();
    return switch (parameter.getType()) {
      case TEXT -> node.put("type", "text").put("text", parameter.getText());
      case CURRENCY -> {
        if (parameter.getCurrencyCode() == null || parameter.getAmount1000() == null) {
          throw new IllegalArgumentException(
              "template parameter "
                  + position
                  + " is CURRENCY but lacks currencyCode or amount1000");
        }
        node.put("type", "currency")
            .putObject("currency")
            .put("fallback_value", parameter.getText())
            .put("code", parameter.getCurrencyCode())
            .put("amount_1000", parameter.getAmount1000());
        yield node;
      }
    };
  }

  private static ObjectNode envelope(NotificationRequested notification, String type) {
    ObjectNode body = NODES.objectNode().put("messaging_product", "whatsapp");
    body.put("to", withoutPlus(notification.getRecipient()));
    // Meta echoes it in every status webhook of this message: a status then names its
    // notification even when the send's own answer (the wamid) was lost.
    String id = notification.getNotificationId();
    if (id.length() <= MAX_CALLBACK_DATA) {
      body.put("biz_opaque_callback_data", id);
    }
    return body.put("type", type);
  }

  // The router stores E.164 ("+234…"); Meta's samples send the digits alone.
  private static String withoutPlus(String e164) {
    return e164.startsWith("+") ? e164.substring(1) : e164;
  }
}
