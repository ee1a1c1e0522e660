package dev.orderflow.ingest.validation;

import java.util.ArrayList;
import java.util.List;

/** Rules for the item list and each line item. */
final class ItemRules {
  private ItemRules() {}

  /** Returns the checked items, or null when the list or any item broke a rule. */
  static List<ValidItem> items(List<DraftItem> items, ValidationRules rules, Reasons reasons) {
    if (items == null) {
      reasons.missing("items");
      return null;
    }
    boolean ok = true;
    if (items.isEmpty()) {
      reasons.add(ReasonCode.NO_ITEMS, "items", "items must hold at least one item.");
      ok = false;
    }
    if (items.size() > rules.maxItems()) {
      reasons.add(
          ReasonCode.TOO_MANY_ITEMS,
          "items",
          "items holds " + items.size() + " items; at most " + rules.maxItems() + " are allowed.");
      ok = false;
    }
    List<ValidItem> valid = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ValidItem item = item(items.get(i), "items[" + i + "]", rules, reasons);
      ok &= item != null;
      valid.add(item);
    }
    return ok ? valid : null;
  }

  private static ValidItem item(DraftItem item, String path, ValidationRules rules, Reasons out) {
    if (item == null) {
      out.missing(path);
      return null;
    }
    String sku = TextRules.id(item.sku(), path + ".sku", out);
    String name = TextRules.text(item.name(), path + ".name", rules.maxNameLength(), false, out);
    Integer quantity = quantity(item.quantity(), path + ".quantity", rules.maxQuantity(), out);
    Long price = price(item.unitPriceMinor(), path + ".unitPriceMinor", out);
    if (sku == null || name == null || quantity == null || price == null) {
      return null;
    }
    return new ValidItem(sku, name, quantity, price);
  }

  private static Integer quantity(Long value, String field, int max, Reasons reasons) {
    if (value == null) {
      reasons.missing(field);
      return null;
    }
    if (value < 1 || value > max) {
      reasons.add(
          ReasonCode.QUANTITY_OUT_OF_RANGE,
          field,
          field + " is " + value + "; it must be a whole number from 1 to " + max + ".");
      return null;
    }
    return value.intValue();
  }

  private static Long price(Long value, String field, Reasons reasons) {
    if (value == null) {
      reasons.missing(field);
      return null;
    }
    if (value <= 0) {
      reasons.add(
          ReasonCode.PRICE_NOT_POSITIVE,
          field,
          field
              + " is "
              + value
              + "; a unit price is a positive whole number of minor units (kobo for NGN).");
      return null;
    }
    return value;
  }
}
