package dev.orderflow.devservers.meta;

import static dev.orderflow.devservers.meta.GraphException.invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code POST /{version}/{phone-number-id}/messages}: template and text messages. */
final class WhatsAppEndpoint implements MessageEndpoint {

  private static final Pattern PHONE = Pattern.compile("\\+?[1-9]\\d{6,14}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int MAX_TEXT_CHARS = 4096;
  private static final int MAX_CALLBACK_DATA_CHARS = 512;

  private final SendRules rules;

  WhatsAppEndpoint(SendRules rules) {
    this.rules = rules;
  }

  @Override
  public Reply send(SendRequest request) throws InterruptedException {
    JsonNode body = request.body();
    if (!"whatsapp".equals(body.path("messaging_product").asText(null))) {
      throw invalid(100, "The parameter messaging_product is required and must be 'whatsapp'");
    }
    if (!body.path("recipient_type").asText("individual").equals("individual")) {
      throw invalid(100, "The parameter recipient_type must be 'individual'");
    }
    String to = required(body, "to", "to");
    if (!PHONE.matcher(to).matches()) {
      throw invalid(131009, "The parameter to must be a phone number in international format");
    }
    OutgoingMessage message =
        switch (required(body, "type", "type")) {
          case "text" -> text(request, to, body.path("text"));
          case "template" -> template(request, to, body.path("template"));
          default -> throw invalid(131051, "The simulator supports type text and template");
        };
    return switch (rules.admit(message)) {
      case SendOutcome.Refused refused -> refused.reply();
      case SendOutcome.Delivered delivered -> new Reply.Ok(success(to, delivered.message()));
    };
  }

  /** Meta's field order: messaging_product, contacts, messages. */
  private static ObjectNode success(String to, DeliveredMessage message) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
    body.putArray("contacts").addObject().put("input", to).put("wa_id", message.recipient());
    body.putArray("messages").addObject().put("id", message.id());
    return body;
  }

  private static OutgoingMessage text(SendRequest request, String to, JsonNode text) {
    String body = required(text, "body", "text.body");
    if (body.length() > MAX_TEXT_CHARS) {
      throw invalid(100, "The parameter text.body must be at most 4096 characters long");
    }
    return new OutgoingMessage(
        Platform.WHATSAPP,
        request.account(),
        to,
        "text",
        body,
        null,
        null,
        List.of(),
        request.tokenSuffix(),
        callbackData(request.body()));
  }

  private static OutgoingMessage template(SendRequest request, String to, JsonNode template) {
    String name = required(template, "name", "template.name");
    String language = required(template.path("language"), "code", "template.language.code");
    return new OutgoingMessage(
        Platform.WHATSAPP,
        request.account(),
        to,
        "template",
        null,
        name,
        language,
        bodyParameters(template.path("components")),
        request.tokenSuffix(),
        callbackData(request.body()));
  }

  private static List<JsonNode> bodyParameters(JsonNode components) {
    if (components.isMissingNode()) {
      return List.of();
    }
    if (!components.isArray()) {
      throw invalid(131009, "The parameter template.components must be an array");
    }
    List<JsonNode> parameters = new ArrayList<>();
    for (JsonNode component : components) {
      String type = required(component, "type", "template.components[].type");
      if (type.equalsIgnoreCase("body")) {
        for (JsonNode parameter : component.path("parameters")) {
          parameters.add(checkParameter(parameter));
        }
      }
    }
    return List.copyOf(parameters);
  }

  private static JsonNode checkParameter(JsonNode parameter) {
    String type = required(parameter, "type", "parameters[].type");
    switch (type) {
      case "text" -> required(parameter, "text", "parameters[].text");
      case "date_time" ->
          required(parameter.path("date_time"), "fallback_value", "date_time.fallback_value");
      case "currency" -> {
        JsonNode currency = parameter.path("currency");
        required(currency, "fallback_value", "currency.fallback_value");
        if (!CURRENCY.matcher(required(currency, "code", "currency.code")).matches()) {
          throw invalid(131009, "currency.code must be an ISO 4217 code such as NGN");
        }
        if (!currency.path("amount_1000").isIntegralNumber()) {
          throw invalid(131009, "currency.amount_1000 must be an integer: the amount times 1000");
        }
      }
      default -> throw invalid(131009, "Unsupported body parameter type '" + type + "'");
    }
    return parameter;
  }

  /** Optional; Meta does not process it, only echoes it in the message's status webhooks. */
  private static String callbackData(JsonNode body) {
    JsonNode value = body.path("biz_opaque_callback_data");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().length() > MAX_CALLBACK_DATA_CHARS) {
      throw invalid(
          131009,
          "The parameter biz_opaque_callback_data must be a string of at most 512 characters");
    }
    return value.asText();
  }

  /** A non-blank string field; Meta answers 131008 when a required parameter is missing. */
  private static String required(JsonNode parent, String field, String name) {
    JsonNode value = parent.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw invalid(131008, "The parameter " + name + " is required");
    }
    return value.asText();
  }
}
