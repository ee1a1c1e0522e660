package dev.orderflow.bench.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.devservers.meta.DeliveredMessage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the simulator's delivered log into {@link Delivery}s. A WhatsApp template carries the order
 * reference as body parameter 2 and the total as the currency parameter's {@code amount_1000}; a
 * free-text message (Instagram, or WhatsApp inside the window) names the order after "order" and
 * ends with the total as its last naira amount.
 */
public final class DeliveryReader {
  private static final Pattern ORDER_REFERENCE = Pattern.compile("order ([A-Za-z0-9._-]+)");
  private static final Pattern NAIRA = Pattern.compile("₦([0-9][0-9,]*(?:\\.[0-9]{2})?)");
  private static final int KOBO_PER_NAIRA = 100;

  private DeliveryReader() {}

  public static List<Delivery> read(List<DeliveredMessage> messages) {
    return messages.stream().map(DeliveryReader::read).flatMap(Optional::stream).toList();
  }

  /** Empty for a message that names no order (one the run did not send). */
  static Optional<Delivery> read(DeliveredMessage message) {
    boolean template = "template".equals(message.type());
    Optional<String> reference =
        template ? templateReference(message) : textReference(message.text());
    long total = template ? templateTotal(message) : textTotal(message.text());
    return reference.map(
        id ->
            new Delivery(
                id,
                message.platform(),
                message.recipient(),
                total,
                message.receivedAt(),
                message.id()));
  }

  private static Optional<String> templateReference(DeliveredMessage message) {
    List<JsonNode> parameters = message.parameters();
    if (parameters == null || parameters.size() < 2) {
      return Optional.empty();
    }
    return Optional.ofNullable(parameters.get(1).path("text").textValue());
  }

  /**
   * amount_1000 is the amount × 1000; NGN has 100 kobo to the naira, so kobo = amount_1000 / 10.
   */
  private static long templateTotal(DeliveredMessage message) {
    List<JsonNode> parameters = message.parameters() == null ? List.of() : message.parameters();
    for (JsonNode parameter : parameters) {
      JsonNode amount = parameter.path("currency").path("amount_1000");
      if (amount.isIntegralNumber()) {
        return amount.longValue() * KOBO_PER_NAIRA / 1000;
      }
    }
    return -1;
  }

  private static Optional<String> textReference(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = ORDER_REFERENCE.matcher(text);
    return matcher.find() ? Optional.of(stripTrailingDot(matcher.group(1))) : Optional.empty();
  }

  static long textTotal(String text) {
    if (text == null) {
      return -1;
    }
    Matcher matcher = NAIRA.matcher(text);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    if (last == null) {
      return -1;
    }
    return new BigDecimal(last.replace(",", "")).movePointRight(2).longValueExact();
  }

  private static String stripTrailingDot(String reference) {
    return reference.endsWith(".") ? reference.substring(0, reference.length() - 1) : reference;
  }
}
