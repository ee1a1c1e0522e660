package dev.orderflow.router.render;

import dev.orderflow.schema.LineItem;
import dev.orderflow.schema.OrderCreated;
import dev.orderflow.schema.TemplateParameter;
import dev.orderflow.schema.TemplateParameterType;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered body parameters of the order-confirmation template: {{1}} buyer name, {{2}} order
 * reference, {{3}} total (CURRENCY), {{4}} item summary. Their number and order must match the
 * approved template, or Meta answers 132000.
 */
public final class TemplateParameters {
  static final int SUMMARY_ITEMS = 3;
  static final int TEXT_MAX_BYTES = 200;
  private static final int SUMMARY_NAME_MAX_BYTES = 40;

  // Meta rejects template text parameters with newlines, tabs or more than four spaces in a row.

  private TemplateParameters() {}

  public static List<TemplateParameter> render(
      Messages messages, String buyerName, OrderCreated order) {
    String name = buyerName == null ? messages.get("template.fallbackName") : buyerName;
    Money total = new Money(order.getTotalMinor(), order.getCurrency());
    return List.of(
        text(name),
        text(order.getVendorOrderId()),
        new TemplateParameter(
            TemplateParameterType.CURRENCY,
            total.format(),
            total.currencyCode(),
            total.amount1000()),
        text(itemSummary(messages, order.getItems())));
  }

  static String itemSummary(Messages messages, List<LineItem> items) {
    List<String> parts = new ArrayList<>();
    for (LineItem item : items.subList(0, Math.min(SUMMARY_ITEMS, items.size()))) {
      String itemName = Utf8Text.truncate(item.getName(), SUMMARY_NAME_MAX_BYTES);
      parts.add(messages.get("summary.item", item.getQuantity(), itemName));
    }
    String summary = String.join(", ", parts);
    int hidden = items.size() - parts.size();
    return hidden == 0 ? summary : summary + " " + messages.get("summary.more", hidden);
  }

  private static TemplateParameter text(String value) {
    String clean = collapseWhitespace(value).strip();
    return new TemplateParameter(
        TemplateParameterType.TEXT, Utf8Text.truncate(clean, TEXT_MAX_BYTES), null, null);
  }

  /**
   * Each run of {@code \s} ([ \t\n\x0B\f\r]) becomes one space. By hand rather than {@code
   * replaceAll("\s+", " ")}: the regex showed in the warm path's profile, and most values have
   * nothing to replace, so they are returned as they are.
   */
  static String collapseWhitespace(String value) {
    int n = value.length();
    StringBuilder out = null;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (!isRegexSpace(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      int end = i + 1;
      while (end < n && isRegexSpace(value.charAt(end))) {
        end++;
      }
      if (out == null) {
        if (c == ' ' && end == i + 1) {
          continue;
        }
        out = new StringBuilder(n).append(value, 0, i);
      }
      out.append(' ');
      i = end - 1;
    }
    return out == null ? value : out.toString();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
