package dev.orderflow.bench.orders;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A buyer as the registration flow writes it to the {@code buyers} table.
 *
 * @param platform WHATSAPP, INSTAGRAM, or null for a buyer who registered without one
 * @param locale {@code en} or {@code pcm} (Nigerian Pidgin)
 */
public record BuyerProfile(
    String buyerId,
    String platform,
    String whatsappPhone,
    String instagramScopedId,
    String displayName,
    String locale,
    boolean optedOut) {

  public static BuyerProfile whatsapp(String id, String phone, String name, String locale) {
    return new BuyerProfile(id, "WHATSAPP", phone, null, name, locale, false);
  }

  public static BuyerProfile instagram(String id, String scopedId, String name, String locale) {
    return new BuyerProfile(id, "INSTAGRAM", null, scopedId, name, locale, false);
  }

  public BuyerProfile optOut() {
    return new BuyerProfile(
        buyerId, platform, whatsappPhone, instagramScopedId, displayName, locale, true);
  }

  public BuyerProfile withoutPlatform() {
    return new BuyerProfile(
        buyerId, null, whatsappPhone, instagramScopedId, displayName, locale, optedOut);
  }

  /** The DynamoDB item; absent attributes are left out rather than written empty. */
  public Map<String, AttributeValue> toItem() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("buyerId", string(buyerId));
    putIfPresent(item, "platform", platform);
    putIfPresent(item, "whatsappPhone", whatsappPhone);
    putIfPresent(item, "instagramScopedId", instagramScopedId);
    putIfPresent(item, "displayName", displayName);
    putIfPresent(item, "locale", locale);
    item.put("optedOut", AttributeValue.fromBool(optedOut));
    return item;
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, string(value));
    }
  }

  private static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }
}
